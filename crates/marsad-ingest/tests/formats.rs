//! Decoding and the format readers (HTML, feeds, WARC) on small fixtures.
//!
//! Fixtures live in `tests/fixtures/formats/`; binary and legacy-encoded inputs
//! (windows-1256, UTF-16, WARC, gzip) are built here from them.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;
use marsad_ingest::decode::{charset_from_content_type, decode_html, decode_text};
use marsad_ingest::IngestError;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/formats/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const NEWS: &str =
    "قال وزير الاقتصاد إن معدل التضخم تراجع خلال الربع الأول من العام، متوقعا أن يستمر التحسن في الأشهر المقبلة.";

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

// ---------------------------------------------------------------------------
// decode

#[test]
fn decode_windows_1256_news_sentence() {
    let (bytes, encoding, unmappable) = encoding_rs::WINDOWS_1256.encode(NEWS);
    assert_eq!(encoding, encoding_rs::WINDOWS_1256);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture must not be UTF-8");
    assert_eq!(decode_text(&bytes, "news.txt").expect("decodes"), NEWS);
}

#[test]
fn decode_utf16_with_bom_both_orders() {
    let text = format!("{NEWS}\r\nسطر ثان.\r\n");
    let le: Vec<u8> = [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let be: Vec<u8> = [0xfe, 0xff].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    assert_eq!(decode_text(&le, "le.txt").expect("UTF-16LE"), text);
    assert_eq!(decode_text(&be, "be.txt").expect("UTF-16BE"), text);
}

#[test]
fn decode_utf8_bom_is_stripped() {
    let bytes = [&[0xef, 0xbb, 0xbf][..], NEWS.as_bytes()].concat();
    assert_eq!(decode_text(&bytes, "bom.txt").expect("UTF-8"), NEWS);
}

#[test]
fn decode_errors_name_the_input() {
    let err = decode_text(b"", "empty.txt").expect_err("empty");
    assert!(matches!(err, IngestError::Empty { .. }));
    assert_eq!(err.input(), "empty.txt");
    assert!(matches!(decode_text(b"  \n\t\r\n ", "ws.txt"), Err(IngestError::Empty { .. })));

    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10";
    let err = decode_text(png, "image.txt").expect_err("binary");
    assert!(matches!(&err, IngestError::Binary { detail: Some(d), .. } if d.contains("PNG")), "{err}");
    assert!(err.to_string().starts_with("image.txt: binary data"), "{err}");

    let gz = gzip(NEWS.as_bytes());
    assert!(matches!(decode_text(&gz, "a.txt"), Err(IngestError::Binary { .. })));
    assert!(matches!(decode_text(b"text\x00with\x00nul", "nul.txt"), Err(IngestError::Binary { .. })));

    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode("Déclaration du ministère à la presse, très attendue.");
    let err = decode_text(&latin1, "fr.txt").expect_err("not Arabic");
    assert!(matches!(err, IngestError::Undecodable { .. }), "{err}");
}

#[test]
fn decode_html_follows_meta_charset() {
    let page = fixture("article.html").replace(
        "<meta charset=\"utf-8\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">",
    );
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&page);
    assert!(!unmappable);
    assert_eq!(decode_html(&bytes, "page.html").expect("decodes"), page);
    assert_eq!(charset_from_content_type("text/html; charset=windows-1256"), Some(encoding_rs::WINDOWS_1256));
}

// ---------------------------------------------------------------------------
// HTML

#[cfg(feature = "html")]
mod html {
    use super::*;
    use marsad_ingest::format::html::{html_fragment_to_text, looks_like_html, read_html};
    use marsad_ingest::{Origin, RawArticle};

    fn read(page: &str) -> RawArticle {
        read_html(page, "article", "fixtures/article.html", None).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn article_text_keeps_paragraphs_and_drops_furniture() {
        let a = read(&fixture("article.html"));
        let lines: Vec<&str> = a.text.lines().collect();
        // paragraphs, the subheading, list items, the quote, the <br> line
        for expected in [
            "أقر مجلس الوزراء في جلسته الأسبوعية اليوم الأحد خطة شاملة لتوسيع شبكة النقل العام في المدن الكبرى، تمتد على خمس سنوات وتشمل خطوط حافلات جديدة وتحديث محطات القطارات القائمة.",
            "المرحلة الأولى",
            "تشغيل مئتي حافلة كهربائية جديدة",
            "تحديث عشرين محطة قطار",
            "هذه الخطة خطوة أساسية نحو مدن أكثر استدامة وأسهل حركة للمواطنين.",
            "ومن المتوقع أن تعرض الحكومة تفاصيل الجدول الزمني للمشروع على البرلمان خلال الأسابيع المقبلة، بحسب ما أفاد مصدر مطلع.",
            "وأضاف المصدر أن مناقصات المرحلة الأولى ستطرح قبل نهاية الصيف.",
        ] {
            assert!(lines.contains(&expected), "missing line {expected:?} in\n{}", a.text);
        }
        // blocks are separated by a blank line, list items are not
        assert!(a.text.contains("القائمة.\n\nوقال"), "{}", a.text);
        assert!(a.text.contains("جديدة\nتحديث عشرين"), "{}", a.text);
        assert!(!a.text.contains("\n\n\n"));
        // navigation, share buttons, related articles, footer, scripts
        for furniture in [
            "الرئيسية",
            "شارك على فيسبوك",
            "واتساب",
            "اقرأ أيضاً",
            "ارتفاع أسعار الوقود",
            "جميع الحقوق محفوظة",
            "dataLayer",
            "تتبع",
            "display:flex",
        ] {
            assert!(!a.text.contains(furniture), "kept {furniture:?} in\n{}", a.text);
        }
    }

    #[test]
    fn article_metadata() {
        let a = read(&fixture("article.html"));
        assert_eq!(a.id, "article");
        assert_eq!(a.source, "fixtures/article.html");
        assert_eq!(a.origin, Origin::Html);
        assert_eq!(a.title.as_deref(), Some("الحكومة تقر خطة لتوسيع شبكة النقل العام"));
        assert_eq!(a.outlet.as_deref(), Some("شبكة الأفق الإخبارية"));
        assert_eq!(a.published.as_deref(), Some("2024-05-12T09:30:00+03:00"));
        assert_eq!(a.author.as_deref(), Some("سارة المنصوري"));
        assert_eq!(a.lang.as_deref(), Some("ar"));
        assert_eq!(a.url.as_deref(), Some("https://alofok.example/news/2024/05/transport-plan"));
        // a given URL (a WARC record's) wins over the canonical one
        let b = read_html(&fixture("article.html"), "b", "x", Some("https://mirror.example/a")).expect("reads");
        assert_eq!(b.url.as_deref(), Some("https://mirror.example/a"));
    }

    /// Without Open Graph and JSON-LD: `<title>` minus the site name,
    /// `application-name` as outlet, `<time datetime>` in the article.
    #[test]
    fn metadata_fallbacks() {
        let page = fixture("article.html");
        let start = page.find("<meta property=\"og:type\"").expect("og tags");
        let end = page.find("<style>").expect("style");
        let page = format!("{}{}", &page[..start], &page[end..]);
        let page = page.replace(
            "<meta name=\"application-name\" content=\"الأفق\">",
            "<meta name=\"application-name\" content=\"شبكة الأفق الإخبارية\">",
        );
        let a = read(&page);
        assert_eq!(a.title.as_deref(), Some("الحكومة تقر خطة لتوسيع شبكة النقل العام"));
        assert_eq!(a.outlet.as_deref(), Some("شبكة الأفق الإخبارية"));
        assert_eq!(a.published.as_deref(), Some("2024-05-12T09:30:00+03:00"));
        assert_eq!(a.url, None);

        // a title suffix that is not the site name stays
        let page = page.replace("شبكة الأفق الإخبارية</title>", "أخبار اليوم</title>");
        let a = read(&page);
        assert_eq!(a.title.as_deref(), Some("الحكومة تقر خطة لتوسيع شبكة النقل العام | أخبار اليوم"));
    }

    #[test]
    fn page_without_body_is_malformed() {
        for (name, page) in [
            ("no_body.html", fixture("no_body.html")),
            ("blank.html", String::new()),
            ("nav.html", "<html><body>   </body></html>".to_string()),
        ] {
            let err = read_html(&page, "x", name, None).expect_err(name);
            match &err {
                IngestError::Malformed { input, format, detail } => {
                    assert_eq!(input, name);
                    assert_eq!(*format, "HTML");
                    assert!(detail.contains("no article content found"), "{detail}");
                }
                other => panic!("{name}: {other}"),
            }
        }
    }

    #[test]
    fn windows_1256_page_end_to_end() {
        let page = fixture("article.html").replace("<meta charset=\"utf-8\">", "<meta charset=\"windows-1256\">");
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&page);
        let html = decode_html(&bytes, "old.html").expect("decodes");
        let a = read(&html);
        assert!(a.text.contains("وقال المتحدث باسم الحكومة"), "{}", a.text);
    }

    #[test]
    fn fragments_and_sniffing() {
        let text = html_fragment_to_text(
            "<h3>عنوان</h3><p>فقرة&nbsp;أولى &quot;مقتبسة&quot;</p><style>.x{}</style><p>سطر<br/>ثان</p>",
        );
        assert_eq!(text, "عنوان\n\nفقرة أولى \"مقتبسة\"\n\nسطر\nثان");
        assert!(looks_like_html(&fixture("article.html")));
        assert!(looks_like_html(&fixture("no_body.html")));
        assert!(!looks_like_html(NEWS));
    }

    /// Hostile pages: deep nesting, many elements, unclosed tags, junk.
    #[test]
    fn hostile_pages_do_not_panic() {
        let deep =
            format!("<html><body>{}<p>{NEWS}</p>{}</body></html>", "<div>".repeat(20_000), "</div>".repeat(20_000));
        let _ = read_html(&deep, "d", "deep.html", None);
        let many = format!("<html><body>{}</body></html>", "<span>س</span>".repeat(70_000));
        let err = read_html(&many, "m", "many.html", None).expect_err("too many elements");
        assert!(matches!(err, IngestError::Malformed { format: "HTML", .. }), "{err}");
        for junk in ["<", "<html", "<<<>>>", "<p", "</p></p></body>", "<script>", "<!--", "<![CDATA[", "\u{0}\u{1}<b>"]
        {
            let _ = read_html(junk, "j", "junk.html", Some("not a url"));
            let _ = html_fragment_to_text(junk);
        }
    }
}

// ---------------------------------------------------------------------------
// feeds

#[cfg(feature = "feeds")]
mod feeds {
    use super::*;
    use marsad_ingest::format::feed::{looks_like_feed, read_feed, read_feed_entries};
    use marsad_ingest::Origin;

    #[test]
    fn rss_items() {
        let items = read_feed(fixture("rss.xml").as_bytes(), "annaba", "feeds/annaba.xml").expect("reads");
        // the third item has no text and is skipped
        assert_eq!(items.len(), 2, "{items:#?}");
        let first = &items[0];
        assert_eq!(first.id, "annaba/1");
        assert_eq!(first.source, "feeds/annaba.xml");
        assert_eq!(first.origin, Origin::Feed);
        assert_eq!(first.title.as_deref(), Some("افتتاح معرض الكتاب الدولي بمشاركة خمسين دولة"));
        assert_eq!(first.url.as_deref(), Some("https://annaba.example/culture/book-fair"));
        assert_eq!(first.outlet.as_deref(), Some("وكالة النبأ للأخبار"));
        assert_eq!(first.author.as_deref(), Some("ليلى حداد"));
        assert_eq!(first.lang.as_deref(), Some("ar"));
        assert_eq!(first.published.as_deref(), Some("2024-05-12T05:00:00+00:00"));
        // content:encoded beats description; HTML → lines; script dropped
        assert_eq!(
            first.text,
            "افتُتح صباح اليوم معرض الكتاب الدولي في دورته الجديدة بمشاركة أكثر من ألف دار نشر من خمسين دولة.\n\n\
             ويستمر المعرض عشرة أيام، ويتضمن برنامجه ندوات فكرية وأمسيات شعرية وورش عمل للأطفال.\n\n\
             ندوات فكرية\nأمسيات شعرية"
        );
        // escaped HTML in <description>
        let second = &items[1];
        assert_eq!(second.id, "annaba/2");
        assert_eq!(
            second.text,
            "توقعت دائرة الأرصاد الجوية ارتفاعا ملحوظا في درجات الحرارة مطلع الأسبوع المقبل.\n\nودعت المواطنين إلى تجنب التعرض المباشر لأشعة الشمس."
        );
        assert_eq!(second.author, None);
    }

    /// A watcher keeps the entry without text: it fetches the page it links to.
    #[test]
    fn rss_entries_without_text_are_kept_for_watchers() {
        let entries = read_feed_entries(fixture("rss.xml").as_bytes(), "annaba", "feeds/annaba.xml").expect("reads");
        assert_eq!(entries.len(), 3, "{entries:#?}");
        assert_eq!(
            entries[0],
            read_feed(fixture("rss.xml").as_bytes(), "annaba", "feeds/annaba.xml").expect("reads")[0]
        );
        let textless = &entries[2];
        assert_eq!(textless.id, "annaba/3");
        assert_eq!(textless.text, "");
        assert!(textless.url.is_some(), "{textless:#?}");
    }

    #[test]
    fn atom_entries() {
        let entries = read_feed(fixture("atom.xml").as_bytes(), "madar", "madar.atom").expect("reads");
        assert_eq!(entries.len(), 2, "{entries:#?}");
        let first = &entries[0];
        assert_eq!(first.id, "madar/1");
        assert_eq!(first.title.as_deref(), Some("البرلمان يناقش مشروع قانون الاستثمار"));
        assert_eq!(first.url.as_deref(), Some("https://madar.example/politics/investment-law"));
        assert_eq!(first.published.as_deref(), Some("2024-05-12T04:15:00+00:00"));
        assert_eq!(first.author.as_deref(), Some("خالد العمري"));
        assert_eq!(first.outlet.as_deref(), Some("صحيفة المدار"));
        assert_eq!(
            first.text,
            "بدأ البرلمان اليوم مناقشة مشروع قانون الاستثمار الجديد الذي قدمته الحكومة الشهر الماضي.\n\nأبرز البنود\n\nويمنح المشروع حوافز ضريبية للشركات التي تستثمر في المناطق الأقل نموا."
        );
        // plain-text summary keeps its line; no published → updated
        let second = &entries[1];
        assert_eq!(second.id, "madar/2");
        assert_eq!(second.published.as_deref(), Some("2024-05-11T21:40:00+00:00"));
        assert_eq!(
            second.text,
            "فاز المنتخب الوطني لكرة القدم على ضيفه بهدفين دون رد في مباراة ودية أقيمت مساء أمس.\nوسجل الهدفين لاعبا خط الوسط في الشوط الثاني."
        );
    }

    /// A windows-1256 feed declared in its XML declaration; Atom XHTML content.
    #[test]
    fn legacy_encoding_and_xhtml() {
        let rss = fixture("rss.xml").replace("encoding=\"UTF-8\"", "encoding=\"windows-1256\"");
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&rss);
        let items = read_feed(&bytes, "old", "old.xml").expect("reads");
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].title.as_deref(), Some("ارتفاع درجات الحرارة مطلع الأسبوع المقبل"));
        // already decoded to UTF-8 by the caller, still declaring windows-1256
        let items = read_feed(rss.as_bytes(), "old", "old.xml").expect("reads");
        assert_eq!(items[1].title.as_deref(), Some("ارتفاع درجات الحرارة مطلع الأسبوع المقبل"));
        // windows-1256 without a declaration: sniffed
        let undeclared = rss.replace(" encoding=\"windows-1256\"", "");
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&undeclared);
        let items = read_feed(&bytes, "old", "old.xml").expect("reads");
        assert_eq!(items[0].outlet.as_deref(), Some("وكالة النبأ للأخبار"));
        // UTF-16 with a BOM
        let utf16: Vec<u8> =
            [0xff, 0xfe].into_iter().chain(fixture("atom.xml").encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(read_feed(&utf16, "u", "u.xml").expect("reads").len(), 2);

        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">مدونة</title><id>urn:x</id><updated>2024-05-01T00:00:00Z</updated>
<entry><title>تدوينة</title><id>urn:x:1</id><updated>2024-05-01T00:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>الفقرة الأولى.</p><p>الفقرة <b>الثانية</b>.</p></div></content></entry></feed>"#;
        let entries = read_feed(atom.as_bytes(), "blog", "blog.atom").expect("reads");
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].text, "الفقرة الأولى.\n\nالفقرة الثانية.");
    }

    #[test]
    fn broken_feeds_are_malformed() {
        let rss = fixture("rss.xml");
        for cut in [rss.len() / 3, rss.len() / 2, rss.len() - 20] {
            let cut = (0..=cut).rev().find(|&i| rss.is_char_boundary(i)).unwrap_or(0);
            let err = read_feed(&rss.as_bytes()[..cut], "t", "truncated.xml").expect_err("truncated");
            assert!(matches!(err, IngestError::Malformed { format: "RSS/Atom feed", .. }), "cut at {cut}: {err}");
            assert_eq!(err.input(), "truncated.xml");
        }
        let err = read_feed(b"<html><body>not a feed</body></html>", "t", "page.xml").expect_err("not a feed");
        assert!(matches!(err, IngestError::Malformed { format: "RSS/Atom feed", .. }), "{err}");
        assert!(matches!(read_feed(b"", "t", "e.xml"), Err(IngestError::Empty { .. })));
        assert!(matches!(read_feed(b"\x89PNG\r\n\x1a\n", "t", "p.xml"), Err(IngestError::Binary { .. })));
    }

    #[test]
    fn damaged_feeds_do_not_panic() {
        for feed in [fixture("rss.xml"), fixture("atom.xml")] {
            let bytes = feed.as_bytes();
            for cut in (0..bytes.len()).step_by(7) {
                let _ = read_feed(&bytes[..cut], "x", "cut.xml");
            }
            let mut seed = 0x2545_f491_4f6c_dd1du64;
            for _ in 0..100 {
                let mut damaged = bytes.to_vec();
                for _ in 0..4 {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    let at = (seed % damaged.len() as u64) as usize;
                    damaged[at] = b"<>&;\"'/!?x\x00\xff"[(seed >> 40) as usize % 12];
                }
                let _ = read_feed(&damaged, "x", "damaged.xml");
            }
        }
    }

    #[test]
    fn feed_sniffing() {
        assert!(looks_like_feed(&fixture("rss.xml")));
        assert!(looks_like_feed(&fixture("atom.xml")));
        assert!(!looks_like_feed(&fixture("article.html")));
        assert!(!looks_like_feed(NEWS));
    }
}

// ---------------------------------------------------------------------------
// WARC

#[cfg(not(feature = "html"))]
#[test]
fn warc_needs_the_html_feature() {
    let err = marsad_ingest::format::warc::read_warc(b"WARC/1.1\r\n", "x", "x.warc").expect_err("no html");
    assert!(err.to_string().contains("not compiled in"), "{err}");
}

#[cfg(feature = "html")]
mod warc {
    use super::*;
    use marsad_ingest::format::warc::{looks_like_warc, read_warc};
    use marsad_ingest::{Origin, RawArticle};

    /// One WARC record with a correct Content-Length.
    fn record(warc_type: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-4000-8000-000000000000>\r\n\
             WARC-Date: 2024-05-12T10:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len() * 7 + uri.len(),
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn http_response(status: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {status}\r\n").into_bytes();
        for h in headers {
            out.extend_from_slice(h.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(body);
        out
    }

    fn chunked(body: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for chunk in body.chunks(1000) {
            out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
            out.extend_from_slice(chunk);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"0\r\n\r\n");
        out
    }

    /// warcinfo, request, HTML response, PNG response, 404 HTML, a gzip +
    /// chunked windows-1256 HTML response, a redirect.
    fn records() -> Vec<Vec<u8>> {
        let page = fixture("article.html");
        let uri1 = "https://alofok.example/news/2024/05/transport-plan";
        let uri2 = "https://old-site.example/article?id=7";
        let old_page = page
            .replace("<meta charset=\"utf-8\">", "")
            .replace("https://alofok.example/news/2024/05/transport-plan", uri2)
            .replace("الحكومة تقر خطة", "الوزارة تعلن خطة");
        let (old_bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&old_page);
        let info = b"software: marsad-tests\r\nformat: WARC File Format 1.1\r\n";
        vec![
            record("warcinfo", "", "application/warc-fields", info),
            record(
                "request",
                uri1,
                "application/http; msgtype=request",
                b"GET /news/2024/05/transport-plan HTTP/1.1\r\nHost: alofok.example\r\n\r\n",
            ),
            record(
                "response",
                uri1,
                "application/http; msgtype=response",
                &http_response("200 OK", &["Content-Type: text/html; charset=UTF-8"], page.as_bytes()),
            ),
            record(
                "response",
                "https://alofok.example/logo.png",
                "application/http; msgtype=response",
                &http_response("200 OK", &["Content-Type: image/png"], b"\x89PNG\r\n\x1a\n\x00\x00"),
            ),
            record(
                "response",
                "https://alofok.example/missing",
                "application/http; msgtype=response",
                &http_response(
                    "404 Not Found",
                    &["Content-Type: text/html"],
                    b"<html><body><p>not found</p></body></html>",
                ),
            ),
            record(
                "response",
                uri2,
                "application/http; msgtype=response",
                &http_response(
                    "200 OK",
                    &[
                        "Content-Type: text/html; charset=windows-1256",
                        "Content-Encoding: gzip",
                        "Transfer-Encoding: chunked",
                    ],
                    &chunked(&gzip(&old_bytes)),
                ),
            ),
            record(
                "response",
                "https://alofok.example/old",
                "application/http; msgtype=response",
                &http_response("301 Moved Permanently", &["Location: /new", "Content-Length: 0"], b""),
            ),
        ]
    }

    fn check_articles(articles: &[RawArticle]) {
        assert_eq!(articles.len(), 2, "{articles:#?}");
        let first = &articles[0];
        assert_eq!(first.id, "site/1");
        assert_eq!(first.origin, Origin::Warc);
        assert_eq!(first.source, "crawl.warc");
        assert_eq!(first.url.as_deref(), Some("https://alofok.example/news/2024/05/transport-plan"));
        assert_eq!(first.title.as_deref(), Some("الحكومة تقر خطة لتوسيع شبكة النقل العام"));
        assert!(first.text.contains("وقال المتحدث باسم الحكومة"), "{}", first.text);
        assert!(!first.text.contains("اقرأ أيضاً"));
        let second = &articles[1];
        assert_eq!(second.id, "site/2");
        assert_eq!(second.url.as_deref(), Some("https://old-site.example/article?id=7"));
        assert_eq!(second.title.as_deref(), Some("الوزارة تعلن خطة لتوسيع شبكة النقل العام"));
        assert!(second.text.contains("وقال المتحدث باسم الحكومة"), "{}", second.text);
    }

    #[test]
    fn plain_warc() {
        let warc = records().concat();
        assert!(looks_like_warc(&warc));
        let articles = read_warc(&warc, "site", "crawl.warc").expect("reads");
        check_articles(&articles);
    }

    #[test]
    fn gzip_per_record_warc() {
        let warc_gz: Vec<u8> = records().iter().flat_map(|r| gzip(r)).collect();
        assert!(looks_like_warc(&warc_gz));
        let articles = read_warc(&warc_gz, "site", "crawl.warc").expect("reads");
        check_articles(&articles);
        // and the whole file compressed as one member
        let whole = gzip(&records().concat());
        check_articles(&read_warc(&whole, "site", "crawl.warc").expect("reads"));
    }

    #[test]
    fn truncated_warc_keeps_what_was_read() {
        let recs = records();
        let warc = recs.concat();
        // cut inside the last (redirect) record: both pages were read
        let cut = warc.len() - 30;
        check_articles(&read_warc(&warc[..cut], "site", "crawl.warc").expect("partial"));
        // cut inside the first HTML response: nothing read → malformed
        let cut = recs[0].len() + recs[1].len() + 500;
        let err = read_warc(&warc[..cut], "site", "crawl.warc").expect_err("nothing read");
        match &err {
            IngestError::Malformed { input, format, detail } => {
                assert_eq!(input, "crawl.warc");
                assert_eq!(*format, "WARC");
                assert!(detail.contains("cut short"), "{detail}");
            }
            other => panic!("{other}"),
        }
        // the gzip stream cut short
        let warc_gz: Vec<u8> = recs.iter().flat_map(|r| gzip(r)).collect();
        let partial = read_warc(&warc_gz[..warc_gz.len() - 40], "site", "crawl.warc").expect("partial gzip");
        check_articles(&partial);
    }

    #[test]
    fn not_a_warc() {
        let err = read_warc(b"<html><body>hello</body></html>", "x", "page.warc").expect_err("not WARC");
        assert!(
            matches!(&err, IngestError::Malformed { format: "WARC", detail, .. } if detail.contains("version line")),
            "{err}"
        );
        assert!(matches!(read_warc(b"", "x", "e.warc"), Err(IngestError::Empty { .. })));
        assert!(!looks_like_warc(b"<html>"));
        let err = read_warc(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n", "x", "nolen.warc").expect_err("no length");
        assert!(err.to_string().contains("Content-Length"), "{err}");
        // garbage after a good record is reported only when nothing was read
        let mut warc = records().concat();
        warc.extend_from_slice(b"GARBAGE\r\n\r\n");
        check_articles(&read_warc(&warc, "site", "crawl.warc").expect("partial"));
    }

    /// Every cut point of the record headers and bytes flipped all over the
    /// file: errors or partial results, never a panic.
    #[test]
    fn damaged_warc_does_not_panic() {
        let recs = records();
        let warc = [recs[0].clone(), recs[1].clone(), recs[3].clone(), recs[4].clone(), recs[6].clone()].concat();
        for cut in 0..warc.len() {
            let _ = read_warc(&warc[..cut], "x", "cut.warc");
        }
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let full = recs.concat();
        for _ in 0..60 {
            let mut damaged = full.clone();
            for _ in 0..8 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let at = (seed % damaged.len() as u64) as usize;
                damaged[at] = (seed >> 32) as u8;
            }
            let _ = read_warc(&damaged, "x", "damaged.warc");
            let _ = read_warc(&gzip(&damaged)[..damaged.len() / 3], "x", "damaged.warc.gz");
        }
    }

    #[test]
    fn warc_with_only_non_html_is_empty() {
        let recs = records();
        let warc = [recs[0].clone(), recs[1].clone(), recs[3].clone()].concat();
        assert_eq!(read_warc(&warc, "x", "x.warc").expect("reads").len(), 0);
    }
}
