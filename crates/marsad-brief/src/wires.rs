//! News agencies whose copy outlets republish.
//!
//! Three outlets running one Reuters paragraph are one source, not three.
//! A sentence (or a document's dateline) that names a wire is credited to
//! it. Names are normalized ([`marsad_text::normalize_str`]) and matched as
//! whole words.

/// (normalized name as written, the wire it denotes)
const WIRES: &[(&str, &str)] = &[
    ("رويترز", "Reuters"),
    ("فرانس برس", "AFP"),
    ("ا ف ب", "AFP"),
    ("اسوشيتد برس", "AP"),
    ("اسوشيتدبرس", "AP"),
    ("الاناضول", "Anadolu"),
    ("د ب ا", "dpa"),
    ("شينخوا", "Xinhua"),
    ("يونهاب", "Yonhap"),
    ("تاس", "TASS"),
    ("نوفوستي", "RIA Novosti"),
    ("سبوتنيك", "Sputnik"),
    ("انترفاكس", "Interfax"),
    ("واس", "SPA"),
    ("وكاله الانباء السعوديه", "SPA"),
    ("وكاله الانباء المركزيه الكوريه", "KCNA"),
    ("بلومبرغ", "Bloomberg"),
    ("بلومبيرغ", "Bloomberg"),
];

/// The wire a text names, if any (the first in the text).
pub fn named_in(text: &str) -> Option<&'static str> {
    let normalized = marsad_text::normalize_str(text);
    let words: Vec<&str> = normalized.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut best: Option<(usize, &'static str)> = None;
    for (name, wire) in WIRES {
        let parts: Vec<&str> = name.split(' ').collect();
        let found = words.windows(parts.len()).position(|w| {
            w.iter().zip(&parts).all(|(word, part)| *word == *part || marsad_text::strip_proclitics(word) == *part)
        });
        if let Some(at) = found {
            if best.is_none_or(|(b, _)| at < b) {
                best = Some((at, wire));
            }
        }
    }
    best.map(|(_, w)| w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wires_are_named_with_clitics_and_spacing() {
        assert_eq!(named_in("وقال مسؤولون، بحسب رويترز، إن"), Some("Reuters"));
        assert_eq!(named_in("حسبما ذكرت وكالة فرانس برس"), Some("AFP"));
        assert_eq!(named_in("(واس) - أعلنت الوزارة"), Some("SPA"));
        assert_eq!(named_in("قال الوزير إن الخطة جاهزة"), None);
        assert_eq!(named_in("الأساسيات"), None);
    }
}
