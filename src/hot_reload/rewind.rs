//! F8, rewind: play pauses, and the arrow keys or the timeline move back through the play kept in
//! `history.rs`. The moment shown is computed again by the game code (the snapshot before it restored,
//! the recorded input run up to it). A save while paused shows that same moment with the new code,
//! having played the second before it again (`NEW_CODE_PLAYS`), so a fix shows as it would have played
//! out; snapshots the old code computed after that point are dropped, and new ones kept on the way.
//! Enter plays on from the moment shown (what came after it is forgotten), F8 again plays on from
//! where play paused, and F7 loops the play between the two.
//!
//! Every frame computed while paused is kept (`computed.rs`) and shown again at once, and while paused
//! and idle the game computes the frames before the one shown, then after it, a few milliseconds a frame
//! (`AHEAD_FOR`): stepping through them then runs nothing. A snapshot is taken every so many frames
//! (`history.rs`), so a frame not computed yet can take a restore and a few hundred frames to show.

use std::time::{Duration, Instant};

use contract::Frame;
use hot_state::Saved;
use macroquad::input::{KeyCode, MouseButton, is_key_down, is_key_pressed, is_mouse_button_down, mouse_position};
use macroquad::math::vec2;

use super::computed::Computed;
use super::replay::Replay;
use super::{HotGame, library};
use crate::overlay;

/// Held this long, an arrow key moves a frame every frame.
const REPEAT_AFTER: Duration = Duration::from_millis(300);
/// Shift and an arrow key move this much play.
const BIG_STEP_SECONDS: f32 = 1.0;
/// After a save, the new code plays this much before the moment shown (or all that is kept, if less).
const NEW_CODE_PLAYS: f32 = 1.0;
/// While paused and idle, frames are computed ahead for this long each frame (the window keeps
/// answering the keys).
const AHEAD_FOR: Duration = Duration::from_millis(8);

pub struct Rewound {
    /// The frame on screen: the game as it was after running it.
    shown: u64,
    /// The state where play paused (after the last kept frame), and its random number generator.
    paused_state: Saved,
    paused_rand: u64,
    /// `shown` is to be computed again (it moved, or the code changed).
    stale: bool,
    /// The code changed since `shown` was computed.
    new_code: bool,
    /// The frame the game's state is at now, if it is a kept one: a later moment is reached from it by
    /// running only the frames between (Right, held or not), instead of from a snapshot.
    state_at: Option<u64>,
    /// Since when an arrow key is held.
    held: Option<Instant>,
    /// The timeline is being dragged.
    dragging: bool,
    /// The frames computed by the code running now.
    computed: Computed,
    /// The frames being computed ahead while idle: the next one and the last (the state is at the one
    /// before the next).
    ahead: Option<(u64, u64)>,
    /// A frame computed ahead panicked: none is, until the code changes.
    ahead_failed: bool,
    /// What the frames computed ahead loaded, freed or asked of the window: it reaches the binary with
    /// the next frame shown.
    pending: Option<Frame>,
}

impl HotGame {
    /// F8, and the keys while paused on a kept moment. `Some` while rewound: the frame to show (`None`,
    /// the one on screen stays); `None` when the game plays.
    pub(super) fn rewind(&mut self) -> Option<Option<Frame>> {
        if is_key_pressed(KeyCode::F8) {
            match self.rewound.take() {
                None => self.pause_to_rewind(),
                Some(rewound) => self.play_on_from_the_pause(rewound),
            }
        }
        if let Some(rewound) = &mut self.rewound {
            move_through(rewound, &self.history);
        }
        self.rewound.as_ref()?;
        if is_key_pressed(KeyCode::Enter) || is_key_pressed(KeyCode::KpEnter) {
            return self.play_on_from_the_shown_moment();
        }
        if is_key_pressed(KeyCode::F7) {
            self.loop_from_the_shown_moment();
            return Some(None);
        }
        let rewound = self.rewound.as_mut()?;
        if !std::mem::take(&mut rewound.stale) {
            return Some(self.compute_ahead());
        }
        let (shown, new_code, state_at) = (rewound.shown, std::mem::take(&mut rewound.new_code), rewound.state_at);
        if new_code {
            rewound.computed.clear();
            rewound.ahead_failed = false;
        } else if let Some(frame) = rewound.computed.get(shown) {
            // Shown as it was computed; the state stays where it is (Enter and F7 take it on from there).
            return Some(Some(self.with_pending(frame)));
        }
        // The state moves to the moment shown: the frames being computed ahead start again from there.
        rewound.ahead = None;
        let frame = self.show(shown, new_code, state_at);
        let computed = frame.is_some() && self.paused.is_none();
        self.rewound.as_mut()?.state_at = computed.then_some(shown);
        Some(frame.map(|frame| self.with_pending(frame)))
    }

    /// The marker while rewound: how far back the moment shown is, and where on the timeline.
    pub(super) fn rewind_marker(&self) -> Option<overlay::Marker> {
        let rewound = self.rewound.as_ref()?;
        let kept = self.history.seconds();
        let at = self.history.seconds_at(rewound.shown + 1);
        Some(overlay::Marker {
            text: format!("REWIND -{:.2} s of {kept:.1} s", kept - at),
            color: macroquad::color::Color::from_rgba(0x30, 0x50, 0xb0, 255),
            timeline: Some(if kept > 0.0 { at / kept } else { 1.0 }),
        })
    }

    /// A reload while rewound: the moment shown is computed again, with the new code.
    pub(super) fn show_again(&mut self) {
        if let Some(rewound) = &mut self.rewound {
            (rewound.stale, rewound.new_code) = (true, true);
        }
    }

    fn pause_to_rewind(&mut self) {
        if !matches!(self.replay, Replay::Off) {
            println!("[hot] F8: not while F7 records or loops (F7 ends that).");
            return;
        }
        if self.history.off {
            println!("[hot] F8: rewind is off (HOT_REWIND=off).");
            return;
        }
        let (Some((_, last)), Some(paused_state)) = (self.history.frames(), library::snapshot_state()) else {
            println!("[hot] F8: no play kept yet.");
            return;
        };
        // The frames the binary hands back from here on are not play to keep: its numbers may be played again.
        self.numbers = (None, None);
        self.rewound = Some(Rewound {
            shown: last,
            paused_state,
            paused_rand: self.rand,
            stale: false,
            new_code: false,
            state_at: Some(last),
            held: None,
            dragging: false,
            computed: std::mem::take(&mut self.played).paused(),
            ahead: None,
            ahead_failed: false,
            pending: None,
        });
        println!(
            "[hot] F8: paused, {:.1} s of play kept ({:.1} MB). Left/Right a frame, with Shift a second, or drag \
             the timeline; save to see the moment with new code. Enter plays on from it, F8 from here, F7 loops \
             from it to here.",
            self.history.seconds(),
            self.history.bytes() as f64 / (1 << 20) as f64
        );
    }

    fn play_on_from_the_pause(&mut self, rewound: Rewound) {
        self.handover.save(rewound.paused_state);
        self.restore_and_report();
        self.rand = rewound.paused_rand;
        println!("[hot] F8: playing on from where play paused.");
    }

    fn play_on_from_the_shown_moment(&mut self) -> Option<Option<Frame>> {
        let rewound = self.rewound.take()?;
        if rewound.stale || rewound.state_at != Some(rewound.shown) {
            // The state is the moment's only once it has been computed.
            self.show(rewound.shown, rewound.new_code, rewound.state_at);
        }
        let back = self.history.seconds() - self.history.seconds_at(rewound.shown + 1);
        self.history.truncate_after(rewound.shown);
        println!("[hot] Enter: playing on from {back:.2} s before where play paused; the play after it is forgotten.");
        None
    }

    fn loop_from_the_shown_moment(&mut self) {
        let Some(rewound) = self.rewound.take() else { return };
        if rewound.stale || rewound.state_at != Some(rewound.shown) {
            self.show(rewound.shown, rewound.new_code, rewound.state_at);
        }
        let inputs = self.history.inputs_after(rewound.shown);
        let Some(start) = library::snapshot_state().filter(|_| !inputs.is_empty()) else {
            println!("[hot] F7: no play after this moment to loop.");
            self.rewound = Some(rewound);
            return;
        };
        let seconds = super::replay::seconds(&inputs);
        self.history.clear();
        self.replay = Replay::Looping { start, inputs, next: 0 };
        println!(
            "[hot] F7: looping {seconds:.1} s of play, from the moment shown to where play paused. Edit and save to \
             see it change; F7 leaves the loop."
        );
    }

    /// The game as it was after `frame`: the snapshot before it restored, then every frame up to it run
    /// again on the input kept (drawn once, at the end; nothing played). With `new_code`, from further
    /// back, and the old code's snapshots after that point dropped. When the state is at an earlier
    /// frame already (`state_at`), closer than any snapshot, only the frames after it run.
    fn show(&mut self, frame: u64, new_code: bool, state_at: Option<u64>) -> Option<Frame> {
        let from = if new_code { self.history.frame_seconds_from(frame, NEW_CODE_PLAYS) } else { frame };
        let nearest_snapshot = self.history.snapshot_at_or_before(from)?;
        let (start, inputs) = match state_at.filter(|&at| !new_code && at < frame && at + 1 >= nearest_snapshot) {
            Some(at) => (at + 1, self.history.inputs_between(at + 1, frame)),
            None => {
                let (start, snapshot, inputs) = self.history.replay_to(frame, from)?;
                if new_code {
                    self.history.forget_snapshots_after(start);
                }
                if let Some(why) = library::restore_state(&snapshot, "").afresh {
                    self.pause(format!("This moment cannot be shown: {why}"));
                    return None;
                }
                (start, inputs)
            }
        };
        let mut shown: Option<Frame> = None;
        self.paused = None;
        for (at, input) in (start..).zip(&inputs) {
            if self.history.snapshot_due_at(at)
                && let Some(state) = library::snapshot_state()
            {
                self.history.keep_at(at, state);
            }
            match self.watchdog.call("frame", || library::frame(input)) {
                Ok(frame) => {
                    if let Some(rewound) = &mut self.rewound {
                        rewound.computed.keep(at, &frame, rewound.shown);
                    }
                    shown = Some(merge(shown, frame));
                }
                Err(panic) => {
                    self.pause(format!("The game {panic}\nat this moment. Fix it and save, or move to another one."));
                    break;
                }
            }
        }
        let shown = shown?;
        // The game is at that moment now: Enter plays on from it.
        self.rand = shown.rand_state;
        self.assets.watch(&shown.loads);
        Some(shown)
    }
}

impl HotGame {
    /// While paused and idle: computes the frames before the one shown, then those after it, for
    /// `AHEAD_FOR`. What they loaded or freed is returned with the frame on screen, to reach the binary.
    fn compute_ahead(&mut self) -> Option<Frame> {
        let started = Instant::now();
        while started.elapsed() < AHEAD_FOR && self.paused.is_none() {
            let rewound = self.rewound.as_mut()?;
            if rewound.ahead_failed || rewound.computed.nearly_full() {
                break;
            }
            let Some((next, last)) = rewound.ahead.or_else(|| self.next_to_compute_ahead()) else { break };
            let Some(input) = self.history.inputs_between(next, next).pop() else { break };
            let ran = self.watchdog.call("frame", || library::frame(&input));
            let rewound = self.rewound.as_mut()?;
            match ran {
                Ok(frame) => {
                    rewound.computed.keep(next, &frame, rewound.shown);
                    rewound.pending = Some(merge(rewound.pending.take(), frame));
                    rewound.state_at = Some(next);
                    rewound.ahead = (next < last).then_some((next + 1, last));
                }
                Err(_) => {
                    // Said when the frame is shown: not here, while nothing moved.
                    (rewound.ahead_failed, rewound.ahead, rewound.state_at) = (true, None, None);
                }
            }
        }
        let rewound = self.rewound.as_ref()?;
        let effects = rewound.pending.as_ref().is_some_and(|pending| {
            !(pending.loads.is_empty()
                && pending.frees.is_empty()
                && pending.gui_textures.is_empty()
                && pending.window.is_empty())
        });
        let on_screen = rewound.computed.get(rewound.shown).filter(|_| effects)?;
        Some(self.with_pending(on_screen))
    }

    /// The frames to compute ahead, `(first, last)`, with the state put where the first starts: before
    /// the run of computed frames that ends with the one shown, else after the one that starts with it.
    fn next_to_compute_ahead(&mut self) -> Option<(u64, u64)> {
        let (first, last) = self.history.frames()?;
        let rewound = self.rewound.as_ref()?;
        // As play pauses, the frame on screen is the binary's, and the ones before it are kept.
        let below = match rewound.computed.first_of_run_to(rewound.shown) {
            none if none > rewound.shown && rewound.shown > 0 => rewound.computed.first_of_run_to(rewound.shown - 1),
            below => below,
        };
        let (from, to) = if below > first {
            (self.history.snapshot_at_or_before(below - 1)?, below - 1)
        } else {
            let above = rewound.computed.first_missing_from(rewound.shown);
            if above > last {
                return None;
            }
            (above, last)
        };
        if rewound.state_at.is_some_and(|at| at + 1 == from) {
            return Some((from, to));
        }
        // An earlier build's snapshot may have another `State`: read by its fields' names (about 0.1 s at
        // 100,000 entities, docs/bench.md), or, where the running one does not take one of its values,
        // the JSON way, up to a second: too long to take unasked again.
        if !self.history.snapshot_at_or_before(from).is_some_and(|start| self.history.quick_to_restore(start)) {
            return None;
        }
        let (start, snapshot, _) = self.history.replay_to(from, from)?;
        let restored = library::restore_state(&snapshot, "");
        if !restored.not_taken_at.is_empty() {
            self.history.slow_to_restore(start);
        }
        let rewound = self.rewound.as_mut()?;
        rewound.state_at = None;
        if restored.afresh.is_some() {
            rewound.ahead_failed = true;
            return None;
        }
        rewound.state_at = start.checked_sub(1);
        Some((start, to))
    }

    /// `frame`, with what the frames computed ahead loaded or freed.
    fn with_pending(&mut self, frame: Frame) -> Frame {
        let Some(pending) = self.rewound.as_mut().and_then(|rewound| rewound.pending.take()) else { return frame };
        self.assets.watch(&pending.loads);
        merge(Some(pending), frame)
    }
}

/// The arrow keys and the timeline move the moment shown.
fn move_through(rewound: &mut Rewound, history: &super::history::History) {
    let Some((first, last)) = history.frames() else { return };
    let shift = is_key_down(KeyCode::LeftShift) || is_key_down(KeyCode::RightShift);
    let mut to = rewound.shown;
    for (key, back) in [(KeyCode::Left, true), (KeyCode::Right, false)] {
        let repeat = is_key_down(key) && rewound.held.is_some_and(|since| since.elapsed() > REPEAT_AFTER);
        if is_key_pressed(key) || repeat {
            rewound.held.get_or_insert_with(Instant::now);
            to = match (shift, back) {
                (true, _) => history.frame_seconds_from(to, if back { BIG_STEP_SECONDS } else { -BIG_STEP_SECONDS }),
                (false, true) => to.saturating_sub(1).max(first),
                (false, false) => (to + 1).min(last),
            };
        }
    }
    if !is_key_down(KeyCode::Left) && !is_key_down(KeyCode::Right) {
        rewound.held = None;
    }
    let (x, y) = mouse_position();
    let bar = overlay::timeline_bar();
    if !is_mouse_button_down(MouseButton::Left) {
        rewound.dragging = false;
    } else if rewound.dragging || bar.contains(vec2(x, y)) {
        rewound.dragging = true;
        let along = ((x - bar.x) / bar.w).clamp(0.0, 1.0);
        to = history.frame_seconds_from(first, -along * history.seconds());
    }
    if to != rewound.shown {
        rewound.shown = to;
        rewound.stale = true;
    }
}

/// Frames run to reach a moment, as one: the last one's drawing, and everything each of them loaded,
/// freed or asked of the window (sounds are not played again, nor a quit obeyed).
pub(super) fn merge(earlier: Option<Frame>, frame: Frame) -> Frame {
    let Some(mut earlier) = earlier else {
        return Frame { sounds: Vec::new(), quit: false, copied_text: None, ..frame };
    };
    earlier.loads.extend(frame.loads);
    earlier.gui_textures.extend(frame.gui_textures);
    earlier.frees.extend(frame.frees);
    earlier.window.extend(frame.window);
    Frame { draw: frame.draw, cursor: frame.cursor, rand_state: frame.rand_state, ..earlier }
}
