//! Speech cues: the verbs (and a few particles) that attribute words to a speaker.
//!
//! Arabic news attributes with a small, stable set of verbs, each in several
//! forms: past (قال), feminine past (قالت), plural (قالوا), dual (قالا),
//! present (يقول، تقول), and the circumstantial participle that continues a
//! sentence (قائلا، مضيفا، محذرا). Any of them may carry the conjunction و
//! or ف. The table lists each verb once with its forms and what the verb
//! does with its complement; every form is looked up after
//! [`marsad_text::normalize_str`], so hamza, final ya and tanwin spellings
//! all match.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

/// What kind of statement a cue introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// Said, stated, added, explained, warned, called for.
    Speech,
    /// The outlet's source for a report: بحسب، حسبما ذكرت، وفق ما ذكرته، نقلا عن.
    Source,
    /// Thinks, believes, expects: يعتقد، يرى، توقع.
    Belief,
    /// Claims that the outlet keeps at a distance: زعم، تزعم.
    Allegation,
    /// Denies: نفى.
    Denial,
    /// Wrote: كتب، غرد.
    Written,
}

/// The grammatical subject a verb form agrees with, as far as the form tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    Masculine,
    Feminine,
    Plural,
    /// Participles agree with a subject named elsewhere in the sentence.
    Unknown,
}

/// How a form is used in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A finite verb that opens a clause with its own subject: قال، تقول.
    Finite,
    /// A participle continuing the sentence's subject: قائلا، مضيفا.
    Participle,
}

/// One speech verb of the table.
#[derive(Debug, Clone, Copy)]
pub struct Verb {
    /// The masculine past, as a display lemma.
    pub lemma: &'static str,
    pub attribution: Attribution,
    /// The preposition that introduces its complement when it takes no أن:
    /// أشار إلى، حذر من، أعرب عن، دعا إلى، شدد على.
    pub preposition: Option<&'static str>,
    /// A verb whose first complement is a channel, not the speaker's words:
    /// «نقلت الوكالة عن الوزير قوله».
    pub relays: bool,
}

/// A cue found on a word.
#[derive(Debug, Clone, Copy)]
pub struct Cue {
    pub verb: &'static Verb,
    pub agreement: Agreement,
    pub form: Form,
}

/// Forms are written normalized: no hamza on alef, ة as ه, final ى as ي.
/// Columns: lemma, past m., past f., past pl., past dual, present m., present f., present pl., participle.
type Row = (&'static str, [&'static str; 8], Attribution, Option<&'static str>);

const SPEECH: Attribution = Attribution::Speech;

const VERBS: &[Row] = &[
    ("قال", ["قال", "قالت", "قالوا", "قالا", "يقول", "تقول", "يقولون", "قايلا"], SPEECH, None),
    ("أكد", ["اكد", "اكدت", "اكدوا", "اكدا", "يوكد", "توكد", "يوكدون", "موكدا"], SPEECH, None),
    ("أضاف", ["اضاف", "اضافت", "اضافوا", "اضافا", "يضيف", "تضيف", "يضيفون", "مضيفا"], SPEECH, None),
    ("أوضح", ["اوضح", "اوضحت", "اوضحوا", "اوضحا", "يوضح", "توضح", "يوضحون", "موضحا"], SPEECH, None),
    ("أشار", ["اشار", "اشارت", "اشاروا", "اشارا", "يشير", "تشير", "يشيرون", "مشيرا"], SPEECH, Some("الي")),
    ("صرح", ["صرح", "صرحت", "صرحوا", "صرحا", "يصرح", "تصرح", "يصرحون", "مصرحا"], SPEECH, None),
    ("أعلن", ["اعلن", "اعلنت", "اعلنوا", "اعلنا", "يعلن", "تعلن", "يعلنون", "معلنا"], SPEECH, None),
    ("ذكر", ["ذكر", "ذكرت", "ذكروا", "ذكرا", "يذكر", "تذكر", "يذكرون", "ذاكرا"], SPEECH, None),
    ("أفاد", ["افاد", "افادت", "افادوا", "افادا", "يفيد", "تفيد", "يفيدون", "مفيدا"], SPEECH, None),
    ("تابع", ["تابع", "تابعت", "تابعوا", "تابعا", "", "", "", "متابعا"], SPEECH, None),
    ("أردف", ["اردف", "اردفت", "اردفوا", "", "يردف", "تردف", "", "مردفا"], SPEECH, None),
    ("استطرد", ["استطرد", "استطردت", "", "", "", "", "", "مستطردا"], SPEECH, None),
    ("اعتبر", ["اعتبر", "اعتبرت", "اعتبروا", "اعتبرا", "يعتبر", "تعتبر", "يعتبرون", "معتبرا"], SPEECH, None),
    ("حذر", ["حذر", "حذرت", "حذروا", "حذرا", "يحذر", "تحذر", "يحذرون", "محذرا"], SPEECH, Some("من")),
    ("دعا", ["دعا", "دعت", "دعوا", "دعيا", "يدعو", "تدعو", "يدعون", "داعيا"], SPEECH, Some("الي")),
    ("أعرب", ["اعرب", "اعربت", "اعربوا", "اعربا", "يعرب", "تعرب", "يعربون", "معربا"], SPEECH, Some("عن")),
    ("شدد", ["شدد", "شددت", "شددوا", "شددا", "يشدد", "تشدد", "يشددون", "مشددا"], SPEECH, Some("علي")),
    ("لفت", ["لفت", "لفتت", "لفتوا", "", "يلفت", "تلفت", "", "لافتا"], SPEECH, Some("الي")),
    ("نوه", ["نوه", "نوهت", "نوهوا", "", "ينوه", "تنوه", "", "منوها"], SPEECH, None),
    ("كشف", ["كشف", "كشفت", "كشفوا", "كشفا", "يكشف", "تكشف", "يكشفون", "كاشفا"], SPEECH, Some("عن")),
    ("أبلغ", ["ابلغ", "ابلغت", "ابلغوا", "", "يبلغ", "تبلغ", "", "مبلغا"], SPEECH, None),
    ("بين", ["", "بينت", "بينوا", "", "", "", "", "مبينا"], SPEECH, None),
    ("طالب", ["طالب", "طالبت", "طالبوا", "طالبا", "يطالب", "تطالب", "يطالبون", "مطالبا"], SPEECH, Some("ب")),
    ("وعد", ["وعد", "وعدت", "وعدوا", "", "يعد", "", "", "واعدا"], SPEECH, None),
    ("هدد", ["هدد", "هددت", "هددوا", "", "يهدد", "تهدد", "", "مهددا"], SPEECH, None),
    ("علق", ["علق", "علقت", "علقوا", "", "", "", "", "معلقا"], SPEECH, Some("علي")),
    ("أجاب", ["اجاب", "اجابت", "اجابوا", "", "يجيب", "تجيب", "", "مجيبا"], SPEECH, None),
    ("اعترف", ["اعترف", "اعترفت", "اعترفوا", "", "يعترف", "تعترف", "", "معترفا"], SPEECH, None),
    ("أشاد", ["اشاد", "اشادت", "اشادوا", "", "يشيد", "تشيد", "", "مشيدا"], SPEECH, Some("ب")),
    ("حث", ["حث", "حثت", "حثوا", "", "يحث", "تحث", "", "حاثا"], SPEECH, Some("علي")),
    ("أبان", ["ابان", "ابانت", "", "", "يبين", "تبين", "", ""], SPEECH, None),
    ("ألمح", ["المح", "المحت", "المحوا", "", "يلمح", "تلمح", "", "ملمحا"], SPEECH, Some("الي")),
    ("واصل", ["واصل", "واصلت", "", "", "", "", "", ""], SPEECH, None),
    ("استبعد", ["استبعد", "استبعدت", "استبعدوا", "", "يستبعد", "تستبعد", "", "مستبعدا"], Attribution::Belief, None),
    ("جزم", ["جزم", "جزمت", "", "", "يجزم", "", "", "جازما"], SPEECH, None),
    ("أخبر", ["اخبر", "اخبرت", "اخبروا", "", "يخبر", "تخبر", "", "مخبرا"], SPEECH, None),
    ("تحدث", ["تحدث", "تحدثت", "تحدثوا", "", "يتحدث", "تتحدث", "يتحدثون", "متحدثا"], SPEECH, Some("عن")),
    ("نقل", ["نقل", "نقلت", "نقلوا", "", "ينقل", "تنقل", "", "ناقلا"], SPEECH, None),
    ("نفى", ["نفي", "نفت", "نفوا", "نفيا", "ينفي", "تنفي", "ينفون", "نافيا"], Attribution::Denial, None),
    ("زعم", ["زعم", "زعمت", "زعموا", "", "يزعم", "تزعم", "يزعمون", "زاعما"], Attribution::Allegation, None),
    ("اعتقد", ["اعتقد", "اعتقدت", "اعتقدوا", "", "يعتقد", "تعتقد", "يعتقدون", "معتقدا"], Attribution::Belief, None),
    ("رأى", ["راي", "رات", "راوا", "", "يري", "تري", "يرون", "معتبرا"], Attribution::Belief, None),
    ("توقع", ["توقع", "توقعت", "توقعوا", "", "يتوقع", "تتوقع", "يتوقعون", "متوقعا"], Attribution::Belief, None),
    ("كتب", ["كتب", "كتبت", "كتبوا", "", "يكتب", "تكتب", "", ""], Attribution::Written, None),
    ("غرد", ["غرد", "غردت", "غردوا", "", "يغرد", "تغرد", "", "مغردا"], Attribution::Written, None),
];

/// Agreement of each column of a [`Row`].
const COLUMNS: [(Agreement, Form); 8] = [
    (Agreement::Masculine, Form::Finite),
    (Agreement::Feminine, Form::Finite),
    (Agreement::Plural, Form::Finite),
    (Agreement::Plural, Form::Finite),
    (Agreement::Masculine, Form::Finite),
    (Agreement::Feminine, Form::Finite),
    (Agreement::Plural, Form::Finite),
    (Agreement::Unknown, Form::Participle),
];

/// Verbal nouns that continue a sentence like a participle: «… بقوله: …».
const VERBAL_NOUNS: &[(&str, &str)] = &[("بقوله", "قال"), ("بقولها", "قال"), ("بقولهم", "قال")];

struct Table {
    verbs: Vec<Verb>,
    forms: HashMap<String, (usize, Agreement, Form)>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let verbs: Vec<Verb> = VERBS
            .iter()
            .map(|&(lemma, _, attribution, preposition)| Verb {
                lemma,
                attribution,
                preposition,
                relays: lemma == "نقل",
            })
            .collect();
        let mut forms = HashMap::new();
        for (i, (_, row, _, _)) in VERBS.iter().enumerate() {
            for (form, &(agreement, kind)) in row.iter().zip(&COLUMNS) {
                if form.is_empty() {
                    continue;
                }
                // The first verb to claim a form keeps it (معتبرا belongs to اعتبر).
                for prefix in ["", "و", "ف"] {
                    forms.entry(format!("{prefix}{form}")).or_insert((i, agreement, kind));
                }
                // Participles agree with their subject: قائلا، قائلة، قائلين.
                if let Some(stem) = form.strip_suffix('ا').filter(|_| kind == Form::Participle) {
                    forms.entry(format!("{stem}ه")).or_insert((i, Agreement::Feminine, kind));
                    forms.entry(format!("{stem}ين")).or_insert((i, Agreement::Plural, kind));
                }
            }
        }
        for (form, lemma) in VERBAL_NOUNS {
            if let Some(i) = VERBS.iter().position(|row| row.0 == *lemma) {
                forms.entry((*form).to_owned()).or_insert((i, Agreement::Unknown, Form::Participle));
            }
        }
        Table { verbs, forms }
    })
}

/// The cue a normalized word is, if any. `word` must be normalized with
/// [`marsad_text::normalize_str`]; a final tanwin alef of participles is
/// accepted with or without its diacritic (normalization removes it).
pub fn cue(word: &str) -> Option<Cue> {
    let t = table();
    let &(i, agreement, form) = t.forms.get(word)?;
    Some(Cue { verb: &t.verbs[i], agreement, form })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(w: &str) -> String {
        marsad_text::normalize_str(w)
    }

    #[test]
    fn forms_with_conjunctions_and_hamza_spellings() {
        for w in ["قال", "وقال", "فقالت", "وأضاف", "وأكدت", "يؤكد", "قائلًا", "قائلاً", "محذرًا", "ونفت"]
        {
            assert!(cue(&n(w)).is_some(), "{w}");
        }
        assert_eq!(cue(&n("وقالت")).map(|c| c.agreement), Some(Agreement::Feminine));
        assert_eq!(cue(&n("مضيفا")).map(|c| c.form), Some(Form::Participle));
        assert_eq!(cue(&n("ونفى")).map(|c| c.verb.attribution), Some(Attribution::Denial));
        assert_eq!(cue(&n("معتبرا")).map(|c| c.verb.lemma), Some("اعتبر"));
    }

    #[test]
    fn ordinary_words_are_not_cues() {
        for w in ["قالب", "مقال", "الاكد", "بين", "وزير", "اليوم"] {
            assert!(cue(&n(w)).is_none(), "{w}");
        }
    }
}
