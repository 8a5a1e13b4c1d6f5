//! Progress bars on stderr, drawn only when stderr is a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use marsad_analyze::Progress;

/// One bar, reused for reading and then for analysis.
pub struct Bars {
    bar: ProgressBar,
}

impl Bars {
    pub fn new(quiet: bool) -> Self {
        let bar = if quiet || !std::io::stderr().is_terminal() { ProgressBar::hidden() } else { ProgressBar::new(0) };
        Bars { bar }
    }

    fn restart(&self, total: usize, label: &'static str) {
        self.bar.set_length(total as u64);
        self.bar.set_position(0);
        let style = ProgressStyle::with_template("{prefix:>9} [{bar:30}] {pos}/{len} {per_sec} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        self.bar.set_style(style);
        self.bar.set_prefix(label);
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bars {
    fn inputs(&self, total: usize) {
        self.restart(total, "reading");
    }
    fn input_read(&self, name: &str, _bytes: u64) {
        self.bar.set_message(name.to_owned());
        self.bar.inc(1);
    }
    fn articles(&self, total: usize) {
        self.bar.set_message("");
        self.restart(total, "analyzing");
    }
    fn article_done(&self) {
        self.bar.inc(1);
    }
}
