//! The functions the binary calls. In hot builds (feature `reload`) they are exported under their plain
//! names, and the binary looks them up again in every new build of the library. Their signatures are the
//! contract with the running binary: change one, and the binary rebuilds itself and restarts.

use hot::Build;

/// Which project and signatures this build has: the binary asks before it calls anything else.
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn build() -> Build {
    Build::new(env!("CARGO_MANIFEST_DIR"), hot::fingerprint(&[include_str!("exports.rs")]))
}

/// Runs one tick and returns the line to print. In hot builds a panic comes back as `Err` with its
/// message, so the program keeps going (the terminal shows where it happened, as usual).
#[cfg_attr(feature = "reload", unsafe(no_mangle))]
pub fn tick(tick: u64) -> Result<String, String> {
    hot::catch_panic(|| crate::line(tick))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_tick_returns_the_line() {
        assert_eq!(super::tick(3), Ok(crate::line(3)));
    }
}
