//! Swedish and English stems (Snowball, via `rust-stemmers`).
//!
//! The stemmer sees the lower-case, unfolded word (the Swedish algorithm
//! knows å/ä/ö); the stem is then folded so that `arbetsloshet` and
//! `arbetslöshet` share the stem `arbetslos`.

use super::normalize::fold;
use rust_stemmers::{Algorithm, Stemmer};

pub struct Stemmers {
    sv: Stemmer,
    en: Stemmer,
}

impl Default for Stemmers {
    fn default() -> Self {
        Self::new()
    }
}

impl Stemmers {
    pub fn new() -> Self {
        Self {
            sv: Stemmer::create(Algorithm::Swedish),
            en: Stemmer::create(Algorithm::English),
        }
    }

    /// Folded Swedish stem of a lower-case word.
    pub fn sv(&self, lower: &str) -> String {
        fold(&self.sv.stem(lower)).into_owned()
    }

    /// Folded English stem of a lower-case word.
    pub fn en(&self, lower: &str) -> String {
        fold(&self.en.stem(lower)).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish() {
        let s = Stemmers::new();
        assert_eq!(s.sv("bibliotekens"), s.sv("bibliotek"));
        assert_eq!(s.sv("befolkningen"), s.sv("befolkning"));
        assert_eq!(s.sv("arbetslöshet"), s.sv("arbetsloshet"));
        assert_eq!(s.sv("arbetslöshet"), "arbetslos");
        assert_eq!(s.sv("kommunerna"), s.sv("kommun"));
    }

    #[test]
    fn english() {
        let s = Stemmers::new();
        assert_eq!(s.en("libraries"), s.en("library"));
        assert_eq!(s.en("populations"), s.en("population"));
    }

    #[test]
    fn odd_input_does_not_panic() {
        let s = Stemmers::new();
        for w in ["", "1", "ö", "\u{0308}", "ωmega", "2001m01"] {
            let _ = s.sv(w);
            let _ = s.en(w);
        }
    }
}
