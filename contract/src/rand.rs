//! macroquad's random numbers (`rand::gen_range`, `rand::srand`, `vec.choose()`...): quad-rand's API and
//! its very numbers (the same PCG generator, the same mappings), with two differences a game hardly
//! sees: the generator's state can be read and set, and each thread has its own. In hot builds each
//! frame starts from the state the binary hands it in [`Input::rand_state`](crate::Input) and hands it
//! back in `Frame::rand_state`, so the numbers carry on across a reload (a new build's statics start
//! again from zero), and a frame run again from F8's history, a panic's rollback or an F7 loop draws
//! the numbers it drew the first time.

use std::sync::atomic::{AtomicU64, Ordering};

const MULTIPLIER: u64 = 6364136223846793005;
const INCREMENT: u64 = 1442695040888963407;

/// A generator of its own (`RandGenerator::new()`); the functions below use the game's.
pub struct RandGenerator {
    state: AtomicU64,
}

impl Default for RandGenerator {
    fn default() -> Self {
        Self::new()
    }
}

impl RandGenerator {
    pub const fn new() -> Self {
        Self { state: AtomicU64::new(0) }
    }

    pub fn srand(&self, seed: u64) {
        self.state.store(0, Ordering::Relaxed);
        self.rand();
        self.state.fetch_add(seed, Ordering::Relaxed);
        self.rand();
    }

    /// A number in `0..=u32::MAX`.
    pub fn rand(&self) -> u32 {
        let old = self.state.load(Ordering::Relaxed);
        self.state.store(old.wrapping_mul(MULTIPLIER).wrapping_add(INCREMENT), Ordering::Relaxed);
        let xorshifted = (((old >> 18) ^ old) >> 27) as u32;
        xorshifted.rotate_right((old >> 59) as u32)
    }

    pub fn gen_range<T: RandomRange>(&self, low: T, high: T) -> T {
        T::gen_range_with_state(self, low, high)
    }
}

thread_local! {
    /// The game's generator: its frames run on one thread, like the rest of the API's context (and
    /// tests that run in parallel each have their own).
    static GAME: RandGenerator = const { RandGenerator::new() };
}

fn game<R>(f: impl FnOnce(&RandGenerator) -> R) -> R {
    GAME.with(f)
}

/// The game's generator as it stands (the binary keeps it between frames).
pub(crate) fn state() -> u64 {
    game(|game| game.state.load(Ordering::Relaxed))
}

pub(crate) fn set_state(state: u64) {
    game(|game| game.state.store(state, Ordering::Relaxed));
}

/// Seeds the game's generator.
pub fn srand(seed: u64) {
    game(|game| game.srand(seed));
}

/// A number in `0..=u32::MAX`.
pub fn rand() -> u32 {
    game(RandGenerator::rand)
}

/// A number in `low..high` (floats: `low..high` too, as macroquad maps them).
pub fn gen_range<T: RandomRange>(low: T, high: T) -> T {
    game(|game| game.gen_range(low, high))
}

pub trait RandomRange {
    fn gen_range(low: Self, high: Self) -> Self;
    fn gen_range_with_state(state: &RandGenerator, low: Self, high: Self) -> Self;
}

macro_rules! random_range {
    ($($ty:ty),*) => {$(
        impl RandomRange for $ty {
            fn gen_range(low: Self, high: Self) -> Self {
                game(|game| Self::gen_range_with_state(game, low, high))
            }
            fn gen_range_with_state(state: &RandGenerator, low: Self, high: Self) -> Self {
                let r = state.rand() as f64 / (u32::MAX as f64 + 1.0);
                (low as f64 + (high as f64 - low as f64) * r) as Self
            }
        }
    )*};
}
random_range!(f32, f64, u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

/// `choose_multiple`'s items.
pub struct SliceChooseIter<'a, T> {
    source: &'a [T],
    indices: std::vec::IntoIter<usize>,
}

impl<'a, T> Iterator for SliceChooseIter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        self.indices.next().map(|index| &self.source[index])
    }
}

/// `shuffle`, `choose`, `choose_mut` and `choose_multiple` on slices and vectors.
pub trait ChooseRandom<T> {
    fn shuffle(&mut self) {
        game(|game| self.shuffle_with_state(game));
    }
    fn choose(&self) -> Option<&T> {
        game(|game| self.choose_with_state(game))
    }
    fn choose_mut(&mut self) -> Option<&mut T> {
        game(|game| self.choose_mut_with_state(game))
    }
    fn choose_multiple(&self, amount: usize) -> SliceChooseIter<'_, T> {
        game(|game| self.choose_multiple_with_state(game, amount))
    }

    fn shuffle_with_state(&mut self, state: &RandGenerator);
    fn choose_with_state(&self, state: &RandGenerator) -> Option<&T>;
    fn choose_mut_with_state(&mut self, state: &RandGenerator) -> Option<&mut T>;
    fn choose_multiple_with_state(&self, state: &RandGenerator, amount: usize) -> SliceChooseIter<'_, T>;
}

impl<T> ChooseRandom<T> for [T] {
    /// Fisher-Yates, with quad-rand's way of drawing each index (bytewise, rejecting those too big).
    fn shuffle_with_state(&mut self, state: &RandGenerator) {
        for i in 1..self.len() {
            let j = index_below(state, i);
            self.swap(i, j);
        }
    }

    fn choose_with_state(&self, state: &RandGenerator) -> Option<&T> {
        self.get(state.gen_range(0, self.len()))
    }

    fn choose_mut_with_state(&mut self, state: &RandGenerator) -> Option<&mut T> {
        let index = state.gen_range(0, self.len());
        self.get_mut(index)
    }

    fn choose_multiple_with_state(&self, state: &RandGenerator, amount: usize) -> SliceChooseIter<'_, T> {
        let mut indices: Vec<usize> = (0..self.len()).collect();
        indices.shuffle_with_state(state);
        indices.resize(amount, 0);
        SliceChooseIter { source: self, indices: indices.into_iter() }
    }
}

/// An index in `0..top`, drawn as quad-rand's shuffle draws it (`top` is at least 1).
fn index_below(state: &RandGenerator, top: usize) -> usize {
    let bits = usize::BITS as usize - top.leading_zeros() as usize;
    let bytes = (bits - 1) / 8 + 1;
    let mut buffer = [0u8; size_of::<usize>()];
    loop {
        for byte in &mut buffer[..bytes] {
            *byte = state.gen_range(0, 255);
        }
        let index = usize::from_le_bytes(buffer) & ((1 << bits) - 1);
        if index < top {
            return index;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ChooseRandom, RandGenerator};
    use crate::{Input, record_frame};

    #[test]
    fn the_numbers_are_macroquads() {
        let (ours, theirs) = (RandGenerator::new(), quad_rand::RandGenerator::new());
        for seed in [0, 1, 42, u64::MAX] {
            ours.srand(seed);
            theirs.srand(seed);
            for high in 1..200 {
                assert_eq!(ours.rand(), theirs.rand());
                assert_eq!(ours.gen_range(0.0f32, high as f32), theirs.gen_range(0.0f32, high as f32));
                assert_eq!(ours.gen_range(-5i32, high), theirs.gen_range(-5i32, high));
                assert_eq!(ours.gen_range(0usize, high as usize), theirs.gen_range(0usize, high as usize));
            }
            let (mut a, mut b): (Vec<u32>, Vec<u32>) = ((0..300).collect(), (0..300).collect());
            a.shuffle_with_state(&ours);
            quad_rand::ChooseRandom::shuffle_with_state(&mut b[..], &theirs);
            assert_eq!(a, b);
            let mine: Vec<_> = a.choose_multiple_with_state(&ours, 7).collect();
            let macroquads: Vec<_> = quad_rand::ChooseRandom::choose_multiple_with_state(&b[..], &theirs, 7).collect();
            assert_eq!(mine, macroquads);
        }
    }

    #[test]
    fn without_a_state_handed_in_the_numbers_carry_on_as_in_macroquad() {
        let theirs = quad_rand::RandGenerator::new();
        theirs.srand(3);
        record_frame(&Input::default(), || super::srand(3));
        for _ in 0..3 {
            let mut drawn = 0;
            record_frame(&Input::default(), || drawn = super::rand());
            assert_eq!(drawn, theirs.rand());
        }
    }

    #[test]
    fn a_frame_run_again_from_its_input_draws_the_same_numbers_and_hands_the_generator_on() {
        let draw = || super::gen_range(0, 1_000_000);
        let first = record_frame(&Input::default(), || {
            super::srand(7);
            draw();
        });
        let second_input = Input { rand_state: Some(first.rand_state), ..Input::default() };
        let mut drawn = 0;
        let second = record_frame(&second_input, || drawn = draw());
        // Other numbers drawn in between (another frame, a reload's fresh statics) change nothing.
        record_frame(&Input::default(), || super::srand(99));
        let mut again = 0;
        let replayed = record_frame(&second_input, || again = draw());
        assert_eq!(again, drawn);
        assert_eq!(replayed.rand_state, second.rand_state);
        assert_ne!(second.rand_state, first.rand_state);
    }
}
