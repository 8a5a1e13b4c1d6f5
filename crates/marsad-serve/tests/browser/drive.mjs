// Drives marsad's page in headless Chromium as a reader would.
// Run by tests/browser.rs, which starts the server and sets:
//   MARSAD_URL         the server's base URL (http://127.0.0.1:PORT)
//   MARSAD_CHROMIUM    the Chromium binary (Debian's /usr/bin/chromium)
//   MARSAD_SCREENSHOT  where to save the story page's screenshot
//   MARSAD_HOSTILE_ID  the id of the article that carries markup
// Exits non-zero, naming the failed check, when the page does not behave.
import { chromium } from "playwright-core";

const base = process.env.MARSAD_URL;
const executablePath = process.env.MARSAD_CHROMIUM || "/usr/bin/chromium";
const screenshot = process.env.MARSAD_SCREENSHOT;
const hostileId = process.env.MARSAD_HOSTILE_ID;
if (!base || !screenshot || !hostileId) {
  console.error("drive.mjs: MARSAD_URL, MARSAD_SCREENSHOT and MARSAD_HOSTILE_ID are required");
  process.exit(2);
}

const checks = [];
function check(ok, what, detail) {
  checks.push({ ok: Boolean(ok), what });
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${!ok && detail !== undefined ? ": " + JSON.stringify(detail) : ""}`);
  if (!ok) throw new Error(`check failed: ${what}`);
}

/** Collapses spaces and quote marks, to compare text across renderings. */
const squash = (s) => s.replace(/\s+/g, " ").replace(/[«»"]/g, "").trim();

// The whole run may not hang a CI job.
const deadline = setTimeout(() => {
  console.error("drive.mjs: timed out after 120 s");
  process.exit(3);
}, 120_000);

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // CI runs as root, where Chromium's sandbox cannot start.
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: "ar", deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on("pageerror", (e) => problems.push("page error: " + e.message));
  page.on("dialog", async (d) => {
    problems.push("dialog opened: " + d.message());
    await d.dismiss();
  });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push("console error: " + m.text());
  });

  // 1. The story list.
  const response = await page.goto(base + "/");
  const csp = response.headers()["content-security-policy"] || "";
  check(csp.includes("script-src 'self'") && csp.includes("default-src 'self'"), "the page is served with a strict CSP", csp);
  check((await page.getAttribute("html", "dir")) === "rtl" && (await page.getAttribute("html", "lang")) === "ar", "the page is Arabic, right to left");
  await page.waitForSelector("#stories li");
  const titles = await page.locator("#stories li h2 a").allTextContents();
  check(titles.length >= 2, "the story list shows the stories", titles);

  // 2. The Kim–Putin story: the one naming both, else the biggest.
  const list = await (await page.request.get(base + "/api/stories")).json();
  const named = list.stories.filter((s) => /كيم/.test(s.title || "") && /بوتين/.test(s.title || ""));
  const story = (named.length ? named : list.stories).slice().sort((a, b) => b.documents - a.documents)[0];
  check(story && story.documents >= 2, "a story of the seeds gathers several reports", story);
  await page.locator(`#stories li h2 a[href="#/story/${encodeURIComponent(story.id)}"]`).click();
  await page.waitForSelector("#story-title");
  check((await page.textContent("#story-title")) === (story.title || story.id), "the story page shows its title");

  // Every part of the brief that has content is on the page.
  const brief = await (await page.request.get(base + "/api/stories/" + encodeURIComponent(story.id))).json();
  for (const [key, id] of [["summary", "summary"], ["facts", "facts"], ["quotes", "quotes"], ["timeline", "timeline"], ["tensions", "tensions"], ["entities", "entities"]]) {
    if (brief[key] && brief[key].length) {
      check(await page.locator("#" + id + " li").count() > 0, `the brief shows its ${key} (${brief[key].length})`);
    }
  }
  check(brief.summary.length > 0 && brief.timeline.length > 0, "the seeds' brief has a summary and a timeline", { summary: brief.summary.length, timeline: brief.timeline.length });
  check(await page.locator("#summary a.cite").count() > 0, "summary sentences carry citations");
  const firstCitation = await page.locator("#summary a.cite").first().textContent();
  check(/^\[[^\]]+\]$/.test(firstCitation), "citations read like [000]", firstCitation);
  if (brief.facts.some((f) => f.single_source)) {
    check(await page.locator("#facts .badge.single").count() > 0, "single-source facts are flagged");
  }

  // The top of the page (title, summary, the first facts): the whole brief is several screens long.
  await page.screenshot({ path: screenshot, fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 1400 } });
  if (process.env.MARSAD_SCREENSHOT_DIR) {
    await page.screenshot({ path: process.env.MARSAD_SCREENSHOT_DIR + "/story-full.png", fullPage: true });
  }
  console.log("saved " + screenshot);

  // 3. A citation leads to the source sentence, highlighted and in view.
  const sentence = brief.summary[0].text;
  await page.locator("#summary a.cite").first().click();
  await page.waitForSelector(".sentence.cited");
  const cited = await page.textContent(".sentence.cited");
  check(squash(cited).includes(squash(sentence)) || squash(sentence).includes(squash(cited)), "the citation highlights the cited sentence", { cited, sentence });
  await page.waitForTimeout(200);
  const box = await page.locator(".sentence.cited").boundingBox();
  check(box && box.y >= 0 && box.y < 900, "the cited sentence is scrolled into view", box);
  check((await page.locator("#doc-title").count()) === 1, "the document view shows the document");
  if (process.env.MARSAD_SCREENSHOT_DIR) await page.screenshot({ path: process.env.MARSAD_SCREENSHOT_DIR + "/cited.png" });

  // 4. Search, with the matched words marked.
  await page.fill("#search-input", "بيونغ يانغ");
  await page.press("#search-input", "Enter");
  await page.waitForSelector("#hits li");
  const hits = await page.locator("#hits li").count();
  const marks = await page.locator("#hits mark").allTextContents();
  if (process.env.MARSAD_SCREENSHOT_DIR) await page.screenshot({ path: process.env.MARSAD_SCREENSHOT_DIR + "/search.png" });
  check(hits >= 1 && marks.length >= 1, "searching «بيونغ يانغ» finds reports with marked words", { hits, marks });

  // 5. The hostile article: its markup shows as text and nothing of it runs.
  await page.goto(base + "/#/doc/" + encodeURIComponent(hostileId));
  await page.waitForSelector("#doc-text");
  const text = await page.textContent("#doc-text");
  check(text.includes("<script>window.__pwned = 1</script>"), "the article's <script> shows literally", text);
  check(text.includes("<img src=x onerror="), "the article's <img onerror> shows literally", text);
  if (process.env.MARSAD_SCREENSHOT_DIR) await page.screenshot({ path: process.env.MARSAD_SCREENSHOT_DIR + "/hostile.png" });
  check((await page.locator("main img, main script, main iframe").count()) === 0, "no element was made from the article's markup");
  await page.goto(base + "/#/");
  await page.waitForSelector("#stories li");
  await page.fill("#search-input", "احتيال");
  await page.press("#search-input", "Enter");
  await page.waitForSelector("#hits li");
  await page.waitForTimeout(300);
  check((await page.evaluate(() => window.__pwned)) === undefined, "no script from the article ran (window.__pwned unset)");
  check(problems.length === 0, "no page errors, dialogs or console errors", problems);
} catch (e) {
  failed = true;
  console.error(String(e && e.stack ? e.stack : e));
} finally {
  await browser.close();
  clearTimeout(deadline);
}
const passed = checks.filter((c) => c.ok).length;
console.log(`${passed} checks passed${failed ? ", then one failed" : ""}`);
process.exit(failed ? 1 : 0);
