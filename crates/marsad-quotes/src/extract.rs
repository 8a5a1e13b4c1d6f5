//! Finding attributed statements in one document.
//!
//! The document is read as a sequence of tokens. Every speech cue
//! ([`crate::cue`]) outside a quotation opens a candidate attribution, read
//! in three parts:
//!
//! 1. **Speaker zone**: the words after the verb up to what opens the
//!    reported words — a complementizer (إن، أن، بأنه), a colon, a quote mark,
//!    or the verb's own preposition (حذر من، دعا إلى). Adverbials inside it
//!    («يوم الأربعاء»، «في مؤتمر صحفي»، «عبر مترجم») are cut off; «عبر/لـ»
//!    channels become `via`. An empty zone means the subject came before the
//!    verb («لكن المتحدث …، صرح بأن») or is implicit («وأضاف أن» → the last
//!    speaker whose gender and number agree with the verb).
//! 2. **Reported words**: a quotation that starts there is a direct quote;
//!    otherwise the clause after the complementizer is indirect speech, up
//!    to the end of the sentence or the next attribution («… وقال كيم إن …»,
//!    «…، مضيفا أن …», «…، بحسب رويترز»).
//! 3. A cue with no opening within a short window is not an attribution
//!    («قال الشاهد» reporting a fact; «تابع المباراة»).
//!
//! Quotations with no cue before them take an attribution that follows
//! («"…"، قال بوتين»). Source lines with no cue («…، بحسب رويترز») become
//! statements of kind [`Attribution::Source`] credited to the source.

use std::ops::Range;

use marsad_text::{tokenize, TokenKind};

use crate::cue::{cue, Agreement, Attribution, Cue, Form};
use crate::marks::{quoted_spans, Quoted};
use crate::speaker::{Descriptors, Speaker, SpeakerState};
use crate::words;
use crate::{Kind, NamedSpan, Quote};

/// How many words the speaker zone may hold before the reported words must start.
const SPEAKER_WINDOW: usize = 24;
/// Quotations shorter than this (in words) only count as the object of a cue:
/// shorter ones are names and scare quotes («وكالة "رويترز"»).
const MIN_FREE_QUOTE_WORDS: usize = 3;

pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Normalized form.
    pub norm: String,
    /// Index of the sentence.
    pub sentence: usize,
    /// Index of the quotation whose words contain this token.
    pub quoted: Option<usize>,
    /// Index of the quotation this token opens.
    pub opens: Option<usize>,
    /// The original spelling has an alef madda («آن» is a name, not «أن»).
    pub madda: bool,
}

impl Tok {
    /// See [`words::complementizer`].
    pub fn complementizer(&self) -> Option<bool> {
        if self.madda {
            return None;
        }
        words::complementizer(&self.norm)
    }

    fn is(&self, c: char) -> bool {
        self.kind != TokenKind::Arabic && self.norm.len() == c.len_utf8() && self.norm.starts_with(c)
    }
    fn comma(&self) -> bool {
        self.is('،') || self.is(',')
    }
    fn ends_clause(&self) -> bool {
        self.is('؛') || self.is(';')
    }
}

pub(crate) struct Extraction<'a> {
    text: &'a str,
    pub toks: Vec<Tok>,
    quoted: Vec<Quoted>,
    /// Quotations already reported.
    used_quotes: Vec<bool>,
    /// First token of each sentence, and one past the last token.
    sentence_starts: Vec<usize>,
    names: &'a [NamedSpan],
    descriptors: Descriptors,
    state: SpeakerState,
    out: Vec<Quote>,
}

/// Every attributed statement of `text`, in text order.
pub fn find(text: &str, sentences: &[Range<usize>], names: &[NamedSpan]) -> Vec<Quote> {
    let mut x = Extraction::new(text, sentences, names);
    x.run();
    let mut out = x.out;
    out.sort_by_key(|q| q.text.start);
    out
}

impl<'a> Extraction<'a> {
    fn new(text: &'a str, sentences: &[Range<usize>], names: &'a [NamedSpan]) -> Self {
        let mut quoted = quoted_spans(text);
        close_before_attributions(text, sentences, &mut quoted);
        let mut toks = Vec::new();
        let mut s = 0;
        let mut q = 0;
        let mut o = 0;
        for t in tokenize(text) {
            while s + 1 < sentences.len() && t.start >= sentences[s].end {
                s += 1;
            }
            while q < quoted.len() && t.start >= quoted[q].after {
                q += 1;
            }
            let inside = quoted.get(q).filter(|qq| qq.inner.start <= t.start && t.end <= qq.inner.end).map(|_| q);
            while o < quoted.len() && quoted[o].open < t.start {
                o += 1;
            }
            let opens = quoted.get(o).filter(|qq| qq.open == t.start).map(|_| o);
            let norm = if t.kind == TokenKind::Arabic { marsad_text::normalize_str(t.text) } else { t.text.to_owned() };
            let madda = t.text.contains('آ');
            toks.push(Tok {
                start: t.start,
                end: t.end,
                kind: t.kind,
                norm,
                sentence: s,
                quoted: inside,
                opens,
                madda,
            });
        }
        let mut sentence_starts = vec![0; sentences.len().max(1) + 1];
        let mut next = toks.len();
        for i in (0..sentence_starts.len()).rev() {
            // The first token of sentence i (or the next sentence's first when it has none).
            while next > 0 && toks[next - 1].sentence >= i {
                next -= 1;
            }
            sentence_starts[i] = if i + 1 == sentence_starts.len() { toks.len() } else { next };
        }
        let descriptors = Descriptors::build(&toks, names);
        let n = quoted.len();
        Extraction {
            text,
            toks,
            quoted,
            used_quotes: vec![false; n],
            sentence_starts,
            names,
            descriptors,
            state: SpeakerState::default(),
            out: Vec::new(),
        }
    }

    /// The tokens that hold any byte of `span` (a name may start inside a
    /// token: «لبوتين»).
    fn tokens_of(&self, span: &Range<usize>) -> (usize, usize) {
        (self.toks.partition_point(|t| t.end <= span.start), self.toks.partition_point(|t| t.start < span.end))
    }

    /// The first token that starts at or after byte `at`.
    fn tok_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.start < at)
    }

    /// A quotation that opened at or after byte `since` ends at byte `at`.
    fn closes_quote_opened_since(&self, at: usize, since: usize) -> bool {
        let q = self.quoted.partition_point(|q| q.after < at);
        self.quoted.get(q).is_some_and(|q| q.after == at && q.closed && q.open >= since)
    }

    fn sentence_end(&self, i: usize) -> usize {
        let s = self.toks[i].sentence;
        self.sentence_starts.get(s + 1).copied().unwrap_or(self.toks.len()).max(i + 1)
    }

    fn sentence_start(&self, i: usize) -> usize {
        self.sentence_starts[self.toks[i].sentence].min(i)
    }

    fn run(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            let t = &self.toks[i];
            let (plain, found, marker, opens) = (
                t.kind == TokenKind::Arabic && t.quoted.is_none(),
                cue(&t.norm),
                words::source_marker(&t.norm),
                t.opens,
            );
            // «حسبما قال فلان»: the verb belongs to the source marker.
            let after_marker = i > 0 && self.is_source_marker(i - 1)
                || i > 1 && self.toks[i - 1].norm == "ما" && self.is_source_marker(i - 2);
            if plain && !after_marker {
                if let Some(c) = found {
                    if let Some(next) = self.attribution(i, c) {
                        i = next;
                        continue;
                    }
                } else if marker {
                    self.source_line(i);
                }
            }
            if let Some(q) = opens {
                if !self.used_quotes[q] {
                    if let Some(next) = self.trailing_attribution(q) {
                        i = next;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }

    /// Reads the attribution opened by the cue at `i`; returns the token to
    /// continue from, or `None` when the cue opens nothing.
    fn attribution(&mut self, i: usize, c: Cue) -> Option<usize> {
        let end = self.sentence_end(i);
        let window = (i + 1 + SPEAKER_WINDOW).min(end);
        // Find what opens the reported words.
        let mut j = i + 1;
        let mut relay_source: Option<Range<usize>> = None;
        let mut zone_start = i + 1;
        let opening = loop {
            if j >= window {
                return None;
            }
            let t = &self.toks[j];
            if let Some(q) = t.opens {
                // A short quoted name inside the speaker words («قالت صحيفة
                // "فاينانشال تايمز" البريطانية إن») does not open anything.
                let after = self.tok_at(self.quoted[q].after);
                if self.is_short(q) && j > i + 1 && self.opening_follows(after, window) {
                    j = after;
                    continue;
                }
                break Opening::Quote(q);
            }
            if t.is(':') {
                break Opening::Colon;
            }
            if let Some(with_pronoun) = t.complementizer() {
                break Opening::That { with_pronoun };
            }
            if c.verb.relays && t.norm == "عن" && relay_source.is_none() {
                // «نقلت وكالة X عن Y قوله»: X is the channel, Y the speaker;
                // «تقارير نقلت عن Y»: the channel stands before the verb.
                relay_source = if j > zone_start {
                    Some(zone_start..j)
                } else {
                    Some(self.subject_before(i).map_or(j..j, |(a, b)| a..b))
                };
                zone_start = j + 1;
            } else if c.verb.relays && words::saying(&t.norm) {
                break Opening::Saying;
            } else if c.verb.preposition.is_some_and(|p| t.norm == p)
                || c.verb.preposition == Some("ب") && j > i + 1 && t.norm.starts_with('ب') && t.norm.len() > 6
            {
                // «حذر من …»; «أشاد بتعزيز …» with the preposition fused.
                break Opening::Preposition;
            }
            if j > i + 1 && (t.ends_clause() || (c.form == Form::Finite && cue(&t.norm).is_some())) {
                return None;
            }
            j += 1;
        };
        if c.verb.relays && relay_source.is_none() {
            // «نقلت الوكالة» with no «عن»: the channel is the speaker.
            if !matches!(opening, Opening::Quote(_) | Opening::Colon | Opening::That { .. }) {
                return None;
            }
        }
        let cue_range = self.toks[i].start..self.toks[i].end;
        let (zone, via) = self.speaker_zone(zone_start, j);
        let speaker = if c.form == Form::Participle {
            // A participle continues the sentence's subject: «…، مضيفا أن».
            self.implicit_subject(i, Agreement::Unknown)
        } else if let Some(zone) = zone {
            Some(self.speaker_of(zone))
        } else if let Some(before) = self.subject_before(i) {
            Some(self.speaker_of(before))
        } else {
            self.implicit_subject(i, c.agreement)
        };
        let speaker = speaker.unwrap_or_else(Speaker::unknown);
        let via = via.or_else(|| relay_source.filter(|r| r.start < r.end).map(|r| self.span_of(r.start, r.end)));

        // The reported words.
        let (kind, text, next) = match opening {
            // «تحدث إلى الصحافة حول "آفاق" التعاون»: a short quoted word that
            // the sentence goes on from starts indirect words.
            Opening::Quote(q) if self.is_short(q) && !self.quote_runs_to_clause_end(q, end) => {
                let (r, next) = self.clause(j, end);
                (Kind::Indirect, r, next)
            }
            Opening::Quote(q) => self.quoted_words(q),
            Opening::Colon => match self.toks.get(j + 1).and_then(|t| t.opens) {
                Some(q) => self.quoted_words(q),
                None => {
                    let (r, next) = self.clause(j + 1, end);
                    (Kind::Indirect, r, next)
                }
            },
            Opening::That { with_pronoun } => {
                let from = if with_pronoun { j } else { j + 1 };
                match self.toks.get(from).and_then(|t| t.opens) {
                    // «وأضاف أن "…"»: the quotation is the reported words.
                    Some(q) if self.quote_runs_to_clause_end(q, end) => self.quoted_words(q),
                    _ => {
                        let (r, next) = self.clause(from, end);
                        (Kind::Indirect, r, next)
                    }
                }
            }
            Opening::Preposition | Opening::Saying => {
                // «أعرب عن قلقه من أن …»: the words start after a nearby «أن».
                let near = (j + 1..(j + 5).min(end)).find(|&k| self.toks[k].complementizer().is_some());
                let fused = matches!(opening, Opening::Preposition) && self.toks[j].norm.len() > 6;
                let from = match near {
                    Some(k) if self.toks[k].complementizer() == Some(true) => k,
                    Some(k) => k + 1,
                    // «أشاد بتعزيز …»: the preposition is fused to the object.
                    None if fused => j,
                    None => j + 1,
                };
                match self.toks.get(from).and_then(|t| t.opens) {
                    // «أعربت عن "قلقها"»: quoted words as the verb's object.
                    Some(q) => self.quoted_words(q),
                    None => {
                        let (r, next) = self.clause(from, end);
                        (Kind::Indirect, r, next)
                    }
                }
            }
        };
        // A statement nobody can be named for («يُعتقد أن …», a «وأضاف» with
        // no one before it) tells the reader nothing about who said it.
        if text.is_empty() || speaker.text.is_empty() {
            return Some(next.max(i + 1));
        }
        let via = via.or_else(|| self.source_after(&text));
        self.record(
            speaker,
            c.agreement,
            i,
            Quote {
                kind,
                attribution: c.verb.attribution,
                text,
                cue: Some(cue_range),
                speaker: Speaker::unknown(),
                via,
            },
        );
        Some(self.continued_quotes(next.max(i + 1)))
    }

    /// Keeps a statement, and its speaker for implicit subjects to come.
    fn record(&mut self, speaker: Speaker, agreement: Agreement, cue_token: usize, mut quote: Quote) {
        let agreement = if words::unnamed_group(speaker.text.split(' ').next().unwrap_or("")) {
            Agreement::Plural
        } else {
            agreement
        };
        self.state.push(speaker.clone(), agreement, self.toks[cue_token].sentence);
        quote.speaker = speaker;
        self.out.push(quote);
    }

    /// Quotations that follow a direct quote with nothing but punctuation in
    /// between («"أنا سعيد برؤيتك". "هذا مطارنا الجديد"») continue it: they
    /// get the same attribution. Returns the token to go on from.
    fn continued_quotes(&mut self, mut next: usize) -> usize {
        let Some(last) = self.out.last().filter(|q| q.kind == Kind::Direct).cloned() else { return next };
        loop {
            let mut k = next;
            while k < self.toks.len() && self.toks[k].kind == TokenKind::Punctuation && self.toks[k].opens.is_none() {
                k += 1;
            }
            let Some(q) = self.toks.get(k).and_then(|t| t.opens) else { return next };
            if self.used_quotes[q]
                || self.is_short(q)
                || self.text[self.toks[next.min(k)].start..self.toks[k].start].contains('\n')
            {
                return next;
            }
            let (_, text, after) = self.quoted_words(q);
            self.out.push(Quote { text, ..last.clone() });
            next = after;
        }
    }

    fn is_short(&self, q: usize) -> bool {
        self.text[self.quoted[q].inner.clone()].split_whitespace().count() < MIN_FREE_QUOTE_WORDS
    }

    /// Something that opens reported words comes between token `from` and `to`.
    fn opening_follows(&self, from: usize, to: usize) -> bool {
        (from..to).any(|k| self.toks[k].is(':') || self.toks[k].complementizer().is_some())
    }

    /// The speaker words between `from` and `to` (token indices), with
    /// adverbials cut off, and a channel («عبر مترجم») if one is named.
    fn speaker_zone(&self, mut from: usize, to: usize) -> (Option<(usize, usize)>, Option<Range<usize>>) {
        while from < to && self.toks[from].kind == TokenKind::Punctuation {
            from += 1;
        }
        let via = (from..to).find(|&k| self.toks[k].norm == "عبر").and_then(|k| {
            let stop = (k + 1..to).find(|&m| self.toks[m].comma()).unwrap_or(to);
            (stop > k + 1).then(|| self.span_of(k + 1, stop))
        });
        if from >= to || words::ends_speaker(&self.toks[from].norm) || self.addressed(from) {
            return (None, via);
        }
        // A person named near the start ends the speaker words, even after a
        // prepositional phrase («سفير كوريا لدى الأمم المتحدة كيم سونغ»).
        let limit = (from..to).find(|&k| self.toks[k].norm == "عبر" || self.toks[k].ends_clause()).unwrap_or(to);
        if let Some(end) = self.person_end(from, limit) {
            return (Some((from, end)), via);
        }
        let mut end = from;
        let mut k = from;
        while k < limit {
            let t = &self.toks[k];
            if t.comma() {
                break;
            }
            if k > from && (words::ends_speaker(&t.norm) || self.addressed(k)) {
                break;
            }
            if t.kind == TokenKind::Punctuation && t.quoted.is_none() && t.opens.is_none() && !is_mark(&t.norm) {
                break;
            }
            end = k + 1;
            k += 1;
        }
        // Trailing marks and dots are not part of the name.
        while end > from && self.toks[end - 1].kind == TokenKind::Punctuation {
            end -= 1;
        }
        if end == from {
            return (None, via);
        }
        (Some((from, end)), via)
    }

    /// «قال كيم لبوتين»: a word with the preposition ل names whom the words
    /// were addressed to.
    fn addressed(&self, k: usize) -> bool {
        marsad_text::stem::split_proclitics(&self.toks[k].norm).preposition == Some('ل')
    }

    /// The token after the first person named between `from` and `to`, when
    /// only a description (no adverbial, no addressee) comes before it;
    /// commas are allowed for an apposition («المتحدث باسم …، جون كيربي»).
    fn person_end(&self, from: usize, to: usize) -> Option<usize> {
        let (s, e) = (self.toks[from].start, self.toks[to - 1].end);
        let person = self.names.iter().find(|n| n.person && s <= n.span.start && n.span.end <= e)?;
        let k_end = self.tok_at(person.span.end);
        // The token that holds the name's first letter («لفلاديمير»).
        let k_start = self.toks.partition_point(|t| t.end <= person.span.start);
        if k_start - from > 12 {
            return None;
        }
        if k_start > from && self.addressed(k_start) {
            return None;
        }
        let blocked = (from..k_start).any(|k| {
            let w = &self.toks[k].norm;
            matches!(w.as_str(), "عبر" | "عندما" | "خلال" | "امس" | "اليوم" | "يوم") || words::addressee(w)
        });
        (!blocked).then_some(k_end)
    }

    /// The subject of a verb that has none after it, when it stands before it
    /// in the same clause: «لكن المتحدث باسم الكرملين دميتري بيسكوف، صرح …».
    fn subject_before(&self, i: usize) -> Option<(usize, usize)> {
        let start = self.sentence_start(i);
        let mut from = i;
        while from > start {
            let t = &self.toks[from - 1];
            if words::clause_opener(&t.norm) || t.ends_clause() || t.is(':') || t.quoted.is_some() {
                break;
            }
            if t.kind == TokenKind::Arabic && cue(&t.norm).is_some() {
                return None;
            }
            from -= 1;
        }
        let mut to = i;
        while to > from && self.toks[to - 1].kind == TokenKind::Punctuation {
            to -= 1;
        }
        while from < to && self.toks[from].kind == TokenKind::Punctuation {
            from += 1;
        }
        if to == from || to - from > 10 || matches!(self.toks[to - 1].norm.as_str(), "ما" | "لما" | "كما" | "مما")
        {
            return None;
        }
        let first = &self.toks[from].norm;
        if words::ends_speaker(first) || first.starts_with("وفي") {
            return None;
        }
        // A comma inside the look-back means a fronted adverbial («وفي
        // افتتاح الاجتماع، …»); only a name or a described subject before the
        // verb is its subject.
        if (from..to).any(|k| self.toks[k].comma()) && !self.names_in(from, to) {
            return None;
        }
        if !self.names_in(from, to) && !first.starts_with("ال") && !words::unnamed_group(first) {
            return None;
        }
        let end = (from..to).find(|&k| self.toks[k].comma()).unwrap_or(to);
        Some((from, end))
    }

    /// The speaker of a verb with no subject of its own («وأضاف أن …»): the
    /// speaker of the previous statement in the same sentence; else the first
    /// person named earlier in the sentence, the subject of its first verb
    /// («انتقد الرئيس بوتين الغرب وقال إنه …»); else the last speaker who
    /// agrees with the verb.
    fn implicit_subject(&self, i: usize, agreement: Agreement) -> Option<Speaker> {
        let sentence = self.toks[i].sentence;
        if let Some((s, at)) = self.state.last(Agreement::Unknown) {
            if at == sentence {
                return Some(s.clone());
            }
        }
        // The clause: «؛» separates sentences that share no subject.
        let sentence_start = self.sentence_start(i);
        let start = (sentence_start..i).rev().find(|&k| self.toks[k].ends_clause()).map_or(sentence_start, |k| k + 1);
        if start < i {
            let (s, e) = (self.toks[start].start, self.toks[i].start);
            if let Some(n) = self.names.iter().find(|n| n.person && s <= n.span.start && n.span.end <= e) {
                return Some(self.speaker_of(self.tokens_of(&n.span)));
            }
        }
        self.state.last(agreement).map(|(s, _)| s.clone())
    }

    fn names_in(&self, from: usize, to: usize) -> bool {
        let (s, e) = (self.toks[from].start, self.toks[to - 1].end);
        self.names.iter().any(|n| n.span.start < e && s < n.span.end)
    }

    /// The speaker named by tokens `from..to`.
    fn speaker_of(&self, (from, to): (usize, usize)) -> Speaker {
        if to <= from || to > self.toks.len() {
            return Speaker::unknown();
        }
        let span = self.toks[from].start..self.toks[to - 1].end;
        Speaker::resolve(self.text, span, self.names, &self.descriptors, &self.toks[from..to])
    }

    /// The byte range of tokens `from..to` (empty at `from` when there are none).
    fn span_of(&self, from: usize, to: usize) -> Range<usize> {
        if to <= from {
            let at = self.toks.get(from).map_or(self.text.len(), |t| t.start);
            return at..at;
        }
        self.toks[from].start..self.toks[to - 1].end
    }

    /// The words of quotation `q`, marked as used; returns the token after its closing mark.
    fn quoted_words(&mut self, q: usize) -> (Kind, Range<usize>, usize) {
        self.used_quotes[q] = true;
        let after = self.quoted[q].after;
        let next = self.tok_at(after);
        (Kind::Direct, self.quoted[q].inner.clone(), next)
    }

    /// The quotation opened at token-level quote `q` reaches the end of the
    /// clause (only punctuation or a new attribution follows it).
    fn quote_runs_to_clause_end(&self, q: usize, end: usize) -> bool {
        let after = self.quoted[q].after;
        let k = self.tok_at(after);
        k >= end
            || self.toks[k].kind == TokenKind::Punctuation && (k + 1 >= end || self.toks[k + 1].norm.starts_with('و'))
            || cue(&self.toks[k].norm).is_some()
    }

    /// The reported clause from token `from` to the end of the sentence or
    /// the next attribution. Returns its byte range and the token to go on from.
    fn clause(&self, from: usize, end: usize) -> (Range<usize>, usize) {
        let mut k = from;
        let mut last = from;
        while k < end {
            let t = &self.toks[k];
            if t.quoted.is_none() && k > from {
                if t.ends_clause() {
                    break;
                }
                let next_two = (self.toks.get(k + 1), self.toks.get(k + 2).map(|t| t.norm.as_str()));
                if t.comma() && next_two.0.is_some_and(|n| words::ends_clause_after_comma(&n.norm, next_two.1)) {
                    break;
                }
                if t.kind == TokenKind::Arabic {
                    if let Some(c) = cue(&t.norm) {
                        let prev_comma = self.toks[k - 1].comma();
                        if c.form == Form::Participle && prev_comma
                            || c.form == Form::Finite && (t.norm.starts_with('و') || prev_comma)
                        {
                            break;
                        }
                    }
                    if words::source_marker(&t.norm) && self.toks[k - 1].comma() && self.is_source_marker(k) {
                        break;
                    }
                }
            }
            if t.kind != TokenKind::Punctuation || t.quoted.is_some() || t.opens.is_some() {
                last = k + 1;
            } else if self.closes_quote_opened_since(t.end, self.toks[from].start) {
                // A closing mark belongs to the clause it closes.
                last = k + 1;
            }
            k += 1;
        }
        if last <= from {
            return (0..0, k);
        }
        (self.toks[from].start..self.toks[last - 1].end, k)
    }

    fn is_source_marker(&self, k: usize) -> bool {
        // «كما ذكرت …» is a source line; «كما أن …», «كما أبلغ …» are not.
        words::source_marker(&self.toks[k].norm)
            && (self.toks[k].norm != "كما" || self.toks.get(k + 1).is_some_and(|t| words::source_filler(&t.norm)))
    }

    /// The source named right after a reported clause: «…، بحسب رويترز».
    fn source_after(&self, text: &Range<usize>) -> Option<Range<usize>> {
        let k = self.tok_at(text.end);
        if k >= self.toks.len() {
            return None;
        }
        let k = if self.toks[k].comma() { k + 1 } else { k };
        let t = self.toks.get(k)?;
        if !words::source_marker(&t.norm) || t.sentence != self.toks[k - 1].sentence || !self.is_source_marker(k) {
            return None;
        }
        self.source_name(k + 1).map(|(a, b)| self.span_of(a, b))
    }

    /// The source's words after a marker, skipping «ما ذكرته»-style fillers.
    fn source_name(&self, mut k: usize) -> Option<(usize, usize)> {
        let end = self.sentence_end(k.min(self.toks.len().saturating_sub(1)));
        while k < end && words::source_filler(&self.toks[k].norm) {
            k += 1;
        }
        let from = k;
        while k < end && !self.toks[k].comma() && !self.toks[k].ends_clause() && !self.toks[k].is('.') {
            k += 1;
        }
        (k > from && k - from <= 10).then_some((from, k))
    }

    /// A source line with no speech cue: «أطلقت كوريا الشمالية صاروخين …، حسبما قال الجيش».
    fn source_line(&mut self, k: usize) {
        if k == 0 || !self.toks[k - 1].comma() || !self.is_source_marker(k) {
            return;
        }
        let start = self.sentence_start(k);
        let already = self.out.iter().any(|q| q.text.end <= self.toks[k].start && q.text.end >= self.toks[start].start);
        if already || k - start < 4 {
            return;
        }
        let Some(name) = self.source_name(k + 1) else { return };
        let first = self.toks[start..k].iter().position(|t| t.kind != TokenKind::Punctuation).map(|p| p + start);
        let Some(first) = first else { return };
        let mut last = k - 1;
        while last > first && self.toks[last].kind == TokenKind::Punctuation {
            last -= 1;
        }
        let speaker = self.speaker_of(name);
        let quote = Quote {
            kind: Kind::Indirect,
            attribution: Attribution::Source,
            text: self.toks[first].start..self.toks[last].end,
            cue: Some(self.span_of(k, name.0)),
            speaker: Speaker::unknown(),
            via: None,
        };
        self.record(speaker, Agreement::Unknown, k, quote);
    }

    /// A quotation followed by its attribution: «"…"، قال بوتين» / «"…". وأضاف
    /// بيسكوف». Returns the token after the attribution.
    fn trailing_attribution(&mut self, q: usize) -> Option<usize> {
        if self.is_short(q) {
            return None;
        }
        let mut k = self.tok_at(self.quoted[q].after);
        while k < self.toks.len() && self.toks[k].kind == TokenKind::Punctuation && !self.toks[k].is(':') {
            k += 1;
        }
        let t = self.toks.get(k)?;
        let c = cue(&t.norm).filter(|c| c.form == Form::Finite)?;
        let end = self.sentence_end(k);
        let mut to = k + 1;
        while to < end && !self.toks[to].comma() && !self.toks[to].is('.') && to - k <= 8 {
            if self.toks[to].opens.is_some() || self.toks[to].complementizer().is_some() {
                return None; // the verb opens words of its own
            }
            to += 1;
        }
        let (zone, via) = self.speaker_zone(k + 1, to);
        // «"…"، تحدث بوتين عن …»: the verb's own object follows the name.
        let zone = zone.map(|(a, b)| (a, self.person_end(a, b).unwrap_or(b)));
        let speaker = match zone {
            Some(z) => self.speaker_of(z),
            None => self.state.last(c.agreement).map(|(s, _)| s.clone()).unwrap_or_else(Speaker::unknown),
        };
        self.used_quotes[q] = true;
        let text = self.quoted[q].inner.clone();
        let cue_range = Some(self.toks[k].start..self.toks[k].end);
        let quote = Quote {
            kind: Kind::Direct,
            attribution: c.verb.attribution,
            text,
            cue: cue_range,
            speaker: Speaker::unknown(),
            via,
        };
        self.record(speaker, c.agreement, k, quote);
        Some(to)
    }
}

/// A quotation left open runs to the end of its paragraph — unless a later
/// sentence of that paragraph opens with a speech verb («… ونقلت الوكالات عن
/// بوتين قوله»): that sentence is the outlet speaking again, so the quote
/// ends before it.
fn close_before_attributions(text: &str, sentences: &[Range<usize>], quoted: &mut [Quoted]) {
    for q in quoted.iter_mut().filter(|q| !q.closed) {
        let first = sentences.partition_point(|s| s.start <= q.inner.start);
        for s in sentences[first..].iter().take_while(|s| s.start < q.inner.end) {
            let Some(word) = text[s.clone()].split_whitespace().next() else { continue };
            let opens_attribution = cue(&marsad_text::normalize_str(word))
                .is_some_and(|c| c.form == Form::Finite && (word.starts_with('و') || word.starts_with('ف')));
            if opens_attribution {
                let inner_end = text[..s.start].trim_end().len().max(q.inner.start);
                q.inner.end = inner_end;
                q.after = s.start;
                break;
            }
        }
    }
}

/// Quote marks as normalized tokens.
fn is_mark(w: &str) -> bool {
    matches!(w, "\"" | "'" | "«" | "»" | "‹" | "›" | "„")
}

/// What opens the reported words after a cue.
#[derive(Debug, Clone, Copy)]
enum Opening {
    Quote(usize),
    Colon,
    That { with_pronoun: bool },
    Preposition,
    Saying,
}
