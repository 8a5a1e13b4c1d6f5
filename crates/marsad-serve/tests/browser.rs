//! The page as a reader uses it: a server on loopback over a store of the
//! five seed articles and one hostile article, driven in headless Chromium
//! by `tests/browser/drive.mjs` (playwright-core).
//!
//! Needs Debian's `chromium`, `node`, `npm ci --prefix tests/browser` and
//! the seeds (`../shared/seeds`); `.ci/install-browser` installs the first
//! three. Without them the test is skipped with a message, unless
//! `MARSAD_REQUIRE_BROWSER=1` (CI), where that is a failure.
//!
//! It also saves the screenshot of the seeds' story page to
//! the test's temporary folder, or to `MARSAD_SCREENSHOT` (the committed
//! `docs/screenshots/seeds-story.png` is made that way).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use marsad_serve::{AppState, Config, Server};
use marsad_store::Store;

const HOSTILE_ID: &str = "hostile_0001";
const HOSTILE: &str = "عاجل: تحذير من رسائل احتيال تنتحل صفة البنوك\n\
\n\
حذرت الشرطة في عمان يوم الاثنين من رسائل احتيال <script>window.__pwned = 1</script> تنتحل صفة البنوك وتطلب من العملاء تحديث بياناتهم.\n\
\n\
وقالت الشرطة إن الرسائل تحمل روابط مزيفة <img src=x onerror=\"window.__pwned = 2\"> تسرق كلمات المرور وأرقام البطاقات.\n\
\n\
وأضافت أن البنوك لا تطلب من عملائها أي بيانات سرية عبر الرسائل النصية.\n";

/// Why the browser test cannot run here, if it cannot.
fn missing(crate_dir: &Path, chromium: &Path, seeds: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    if !chromium.is_file() {
        missing.push(format!("Chromium at {} (apt-get install chromium)", chromium.display()));
    }
    if !Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success()) {
        missing.push("node on the PATH".to_owned());
    }
    if !crate_dir.join("tests/browser/node_modules/playwright-core/package.json").is_file() {
        missing.push("playwright-core (npm ci --prefix crates/marsad-serve/tests/browser)".to_owned());
    }
    if !seeds.is_dir() {
        missing.push(format!("the seed articles at {}", seeds.display()));
    }
    missing
}

#[test]
fn the_page_works_in_a_browser() {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seeds = crate_dir.join("../../../shared/seeds");
    let chromium =
        std::env::var_os("MARSAD_CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    let lacking = missing(&crate_dir, &chromium, &seeds);
    if !lacking.is_empty() {
        let message = format!("browser test needs: {}", lacking.join("; "));
        if std::env::var("MARSAD_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
            panic!("{message} (MARSAD_REQUIRE_BROWSER=1; run .ci/install-browser)");
        }
        // Written to stderr directly: the test harness hides eprintln! of passing tests.
        let _ = writeln!(std::io::stderr(), "SKIPPED the_page_works_in_a_browser: {message}; run .ci/install-browser");
        return;
    }

    // The store: the seeds and the hostile article, through the pipeline `marsad ingest` uses.
    let work = tempfile::tempdir().expect("tempdir");
    let hostile = work.path().join(format!("{HOSTILE_ID}.txt"));
    std::fs::write(&hostile, HOSTILE).expect("write hostile article");
    let corpus = marsad_analyze::analyze_inputs(&[seeds.clone(), hostile], &marsad_analyze::Options::default(), &());
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    // A page may hold several articles (a seed splits in two), so at least six.
    assert!(corpus.documents.len() >= 6, "five seeds and the hostile article: {}", corpus.documents.len());
    assert!(corpus.documents.iter().any(|d| d.id == HOSTILE_ID));
    let mut store = Store::open(work.path().join("store")).expect("open store");
    store.ingest(corpus.documents).expect("ingest");

    // The server, on a port of its own, on a runtime of its own thread.
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).expect("bind loopback");
    let server = Server::new(listener, AppState::new(store, Config::default()));
    let addr = server.local_addr().expect("address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = runtime.spawn(server.run_until(async {
        let _ = stopped.await;
    }));

    // The committed screenshot is refreshed on demand
    // (MARSAD_SCREENSHOT=docs/screenshots/seeds-story.png), not by every run.
    let screenshot = std::env::var_os("MARSAD_SCREENSHOT")
        .map_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("seeds-story.png"), PathBuf::from);
    if let Some(parent) = screenshot.parent() {
        std::fs::create_dir_all(parent).expect("screenshot folder");
    }
    let status = Command::new("node")
        .arg(crate_dir.join("tests/browser/drive.mjs"))
        .current_dir(crate_dir.join("tests/browser"))
        .env("MARSAD_URL", format!("http://{addr}"))
        .env("MARSAD_CHROMIUM", &chromium)
        .env("MARSAD_SCREENSHOT", &screenshot)
        .env("MARSAD_HOSTILE_ID", HOSTILE_ID)
        .status()
        .expect("run node");

    let _ = stop.send(());
    runtime.block_on(running).expect("server task").expect("server");
    assert!(status.success(), "drive.mjs failed ({status}); its output above names the check");
    assert!(screenshot.is_file(), "no screenshot at {}", screenshot.display());
}
