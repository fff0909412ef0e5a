// End-to-end tests of the whosaid web UI in headless Chromium.
//
// Starts `whosaid demo` on a fresh store that also holds a hostile article
// (markup and scripts in its title, outlet, byline, URL and text), then
// drives Debian's Chromium with playwright-core through every page.
// Screenshots go to $SCREENSHOT_DIR (default e2e/out); `.ci/run` passes a
// temporary directory, and `npm run screenshots` refreshes docs/screenshots.
//
// Environment: WHOSAID_BIN (default ../target/debug/whosaid),
// CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = process.env.WHOSAID_BIN || path.join(here, "..", "target", "debug", "whosaid");
const shots = process.env.SCREENSHOT_DIR || path.join(here, "out");
const work = mkdtempSync(path.join(tmpdir(), "whosaid-e2e-"));
const db = path.join(work, "e2e.db");

let server;
let base;
let browser;

/** Starts `whosaid ARGS… --addr 127.0.0.1:0`; resolves with the process
 *  and the address it serves on. */
function startWhosaid(args) {
  return new Promise((resolve, reject) => {
    const proc = spawn(bin, [...args, "--addr", "127.0.0.1:0"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let log = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 60_000);
    proc.stderr.on("data", (chunk) => {
      log += chunk;
      const m = log.match(/serving .* on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, address: m[1] });
      }
    });
    proc.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
}

/** Starts `whosaid demo` on a free port; resolves with its address. */
async function startServer() {
  const started = await startWhosaid(["demo", "--db", db]);
  server = started.proc;
  return started.address;
}

/** A fresh page that fails the test on console errors, page errors,
 *  dialogs (an injected alert) or requests leaving the server. */
async function openPage(t, { expectStatus = [] } = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on("console", (msg) => {
    const expected = expectStatus.some((code) => msg.text().includes(`status of ${code}`));
    if (msg.type() === "error" && !expected) problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  page.on("request", (req) => {
    if (!req.url().startsWith(base)) problems.push(`external request: ${req.url()}`);
  });
  t.after(async () => {
    await page.close();
    assert.deepEqual(problems, [], "the page stayed clean");
  });
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  base = await startServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
  rmSync(work, { recursive: true, force: true });
});

test("overview shows corpus totals, top speakers, outlets and documents", async (t) => {
  const page = await openPage(t);
  const res = await page.goto(base + "/");
  assert.equal(res.status(), 200);
  assert.match(res.headers()["content-security-policy"], /script-src 'self'/);
  assert.equal(await page.textContent("#documents"), "4");
  assert.ok(Number(await page.textContent("#attributions")) >= 20);
  assert.match(await page.textContent("#anonymous-share"), /^\d+\.\d%$/);
  const speakers = await page.locator("table.speakers a").allTextContents();
  assert.ok(speakers.includes("Mark Rutte"), speakers.join(", "));
  assert.ok(speakers.includes("Elena Marsh"), speakers.join(", "));
  const outlets = await page.locator("section h2:has-text('Outlets') + table td a").allTextContents();
  assert.ok(outlets.includes("Port Alder Gazette"), outlets.join(", "));
  await shot(page, "overview");
});

test("search finds statements, filters by speaker, reports bad queries", async (t) => {
  const page = await openPage(t, { expectStatus: [400] });
  await page.goto(base + "/search");
  await page.fill("form.search input[name=q]", "NATO");
  await page.click("form.search button");
  await page.waitForURL(/q=NATO/);
  const names = await page.locator("li.hit a.speaker").allTextContents();
  assert.ok(names.length > 0 && names.includes("Mark Rutte"), names.join(", "));
  // A total, and the matched words marked in each hit.
  assert.match(await page.textContent("#result-count"), /^\d+ statements?; 1–\d+ shown\.$/);
  const marks = await page.locator("li.hit blockquote mark").allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => m.toLowerCase() === "nato"), marks.join(", "));
  // Each hit links to its statement in context (the article's #sN anchor).
  assert.match(await page.locator("li.hit div.source a").first().getAttribute("href"), /^\/documents\/[^#]+#s\d+$/);
  await shot(page, "search");

  // Filters beyond words: only direct quotes.
  await page.goto(base + "/search?q=NATO&kind=direct");
  const metas = await page.locator("li.hit div.meta").allTextContents();
  assert.ok(metas.length > 0, "direct quotes about NATO");
  assert.ok(metas.every((m) => m.trim().endsWith("· direct")), metas.join(" | "));
  assert.equal(await page.locator("details.more-filters[open]").count(), 1);

  // The outlets' own assertions have their search.
  await page.goto(base + "/assertions?q=negotiate");
  assert.match(await page.textContent("#result-count"), /^\d+ assertion\(s\); 1–\d+ shown\.$/);
  assert.ok((await page.locator("li.assertion blockquote mark").count()) > 0);

  // Punctuation inside words is a plain search, never an engine error.
  const forgiving = await page.goto(base + "/search?q=" + encodeURIComponent("NATO's U.S.-led e-mail"));
  assert.equal(forgiving.status(), 200);
  assert.equal(await page.locator("#search-error").count(), 0);

  await page.goto(base + "/search?q=plan&speaker=Marsh");
  const filtered = await page.locator("li.hit a.speaker").allTextContents();
  assert.ok(filtered.length > 0);
  assert.ok(filtered.every((n) => n === "Elena Marsh"), filtered.join(", "));

  const bad = await page.goto(base + "/search?q=%22unbalanced");
  assert.equal(bad.status(), 400);
  assert.match(await page.textContent("#search-error"), /bad search query/);
});

test("article page highlights attributions by speaker and the outlet's own voice", async (t) => {
  const page = await openPage(t);
  await page.goto(base + "/documents/nato-rutte");
  assert.match(await page.textContent("#doc-title"), /NATO Chief/);
  // One colour class per speaker: Rutte's and Stoltenberg's cues differ.
  const classOf = (selector) => page.locator(selector).first().getAttribute("class");
  const confirmed = await classOf("mark.cue:text-is('confirmed')");
  const added = await classOf("mark.source:text-is('Stoltenberg')");
  assert.match(confirmed, /\bsp\d+\b/);
  assert.notEqual(confirmed.match(/sp\d+/)[0], added.match(/sp\d+/)[0]);
  // Hover shows who, how and when.
  const cue = page.locator("mark.cue", { hasText: "confirmed" }).first();
  const tip = await cue.getAttribute("title");
  assert.match(tip, /Mark Rutte — cue “confirmed”/);
  assert.match(tip, /interview \(Bloomberg TV\)/);
  assert.match(tip, /time: on Friday/);
  // Click pins the details.
  assert.equal(await page.isVisible("#details"), false);
  await cue.hover();
  await cue.click();
  assert.equal(await page.isVisible("#details"), true);
  assert.equal(await page.textContent("#details [data-field=speaker]"), "Mark Rutte");
  assert.match(await page.textContent("#details [data-field=channel]"), /interview/);
  // The outlet's unattributed assertions look different from attributions.
  const outlet = page.locator("mark.outlet").first();
  assert.ok((await page.locator("mark.outlet").count()) >= 3);
  const style = (loc) =>
    loc.evaluate((el) => {
      const s = getComputedStyle(el);
      return `${s.backgroundImage}|${s.fontStyle}|${s.borderBottomStyle}`;
    });
  const outletStyle = await style(outlet);
  assert.match(outletStyle, /gradient.*\|italic\|dashed/);
  assert.notEqual(outletStyle, await style(page.locator("mark.content").first()));
  // The legend links each speaker to their page.
  const legend = await page.locator("#legend a").allTextContents();
  assert.deepEqual(legend.slice().sort(), ["Interfax-Ukraine", "Jens Stoltenberg", "Mark Rutte"]);
  await shot(page, "article");
});

test("speaker page plots statements per week by outlet", async (t) => {
  const page = await openPage(t);
  await page.goto(base + "/speakers");
  assert.match(await page.textContent("#speaker-count"), /By statements, most first: 1–\d+ shown\./);
  await page.click("table.speakers a:text-is('Elena Marsh')");
  await page.waitForSelector("#timeline-plot svg");
  assert.match(await page.textContent("h1"), /Elena Marsh/);
  // Weeks of 2025-03-03, 03-10 and 03-24.
  const bars = page.locator("#timeline-plot rect.bar");
  assert.ok((await bars.count()) >= 3);
  const tips = await page.locator("#timeline-plot rect.bar title").allTextContents();
  assert.ok(tips.some((x) => x.startsWith("week of 2025-03-03 · Port Alder Gazette")), tips.join("\n"));
  assert.ok(tips.some((x) => x.startsWith("week of 2025-03-10 · Harbor Daily")), tips.join("\n"));
  const legend = await page.textContent("#timeline-plot figcaption");
  assert.match(legend, /Port Alder Gazette/);
  assert.match(legend, /Harbor Daily/);
  const all = await page.locator("#timeline li.hit").count();
  assert.ok(all >= 4);
  assert.match(await page.textContent("#statement-count"), new RegExp(`^${all} statement\\(s\\); 1–${all} shown, newest first\\.$`));
  await shot(page, "speaker");
  // Statements filter within the speaker: by words (marked), and by kind.
  const url = page.url().split("?")[0];
  await page.goto(url + "?q=plan");
  const some = await page.locator("#timeline li.hit").count();
  assert.ok(some > 0 && some < all, `${some} of ${all}`);
  assert.ok((await page.locator("#timeline li.hit blockquote mark").count()) > 0);
  await page.goto(url + "?kind=direct");
  const metas = await page.locator("#timeline li.hit div.meta").allTextContents();
  assert.ok(metas.every((m) => m.trim().endsWith("· direct")), metas.join(" | "));
  // A bar of the chart opens its week's statements.
  await page.goto(url);
  await page.locator("#timeline-plot a").first().click();
  await page.waitForSelector("#week-filter");
  const inWeek = await page.locator("#timeline li.hit").count();
  assert.ok(inWeek >= 1 && inWeek < all, `${inWeek} of ${all}`);
});

test("phones, dark mode, keyboard and statement permalinks", async (t) => {
  const page = await openPage(t);
  // 390 px: no page is wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const speakerHref = await (async () => {
    await page.goto(base + "/speakers");
    return page.locator("table a[href^='/speakers/']").first().getAttribute("href");
  })();
  for (const url of ["/", "/search?q=NATO", "/documents/nato-rutte", "/speakers", speakerHref, "/quotes"]) {
    await page.goto(base + url);
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    assert.ok(scroll <= client + 1, `${url}: ${scroll}px wide on a ${client}px screen`);
  }
  // A tapped passage shows its details on screen, not below the text.
  await page.goto(base + "/documents/nato-rutte");
  await page.locator("mark[data-a]").nth(3).click();
  const box = await page.locator("#details").boundingBox();
  assert.ok(box && box.y + box.height <= 844 + 1, `details at ${JSON.stringify(box)}`);
  await shot(page, "article-phone");
  await page.goto(base + "/search?q=NATO");
  await shot(page, "search-phone");
  await page.goto(base + speakerHref);
  await shot(page, "speaker-phone");
  await page.goto(base + "/assertions?q=negotiate");
  const [wide, screen] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  assert.ok(wide <= screen + 1, `/assertions: ${wide}px wide`);
  await shot(page, "assertions-phone");

  // Keyboard: passages are tab stops with labels; Enter pins one.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(base + "/documents/nato-rutte");
  const first = page.locator("mark[data-a]").first();
  assert.equal(await first.getAttribute("tabindex"), "0");
  assert.match(await first.getAttribute("aria-label"), /of statement 1: /);
  await first.focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#details").isHidden(), false);
  assert.notEqual(await page.textContent("#details [data-field=speaker]"), "");
  assert.equal(await page.locator("#details a.permalink").getAttribute("href"), "#s1");

  // A statement's permalink pins it on load.
  await page.goto(base + "/documents/nato-rutte#s3");
  assert.ok((await page.locator("mark.pinned").count()) > 0);
  assert.equal(await page.locator("mark.pinned").first().getAttribute("data-a"), "2");

  // Dark mode follows the system.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(base + "/");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `dark background, got ${bg}`);
  await shot(page, "overview-dark");
});

test("markup in stored articles stays text", async (t) => {
  // Stored while the server runs (WAL lets another process write).
  execFileSync(bin, ["ingest", path.join(here, "fixtures", "hostile.jsonl"), "--db", db], {
    stdio: "ignore",
  });
  const page = await openPage(t);
  await page.goto(base + "/documents/hostile-markup");
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(
    await page.textContent("#doc-title"),
    '<script>window.pwned=1</script><b>Bold</b> & "quoted" title',
  );
  assert.equal(await page.locator("#doc-title b, #doc-title script").count(), 0);
  assert.equal(await page.locator("main script, main img, main i").count(), 0);
  assert.match(await page.textContent("#doc-outlet"), /^<img src=x/);
  // A javascript: URL is shown, never linked.
  assert.equal(await page.locator("a#doc-url").count(), 0);
  assert.match(await page.textContent("#doc-text"), /<script>window\.pwned=4<\/script>/);
  await page.goto(base + "/");
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.ok((await page.textContent("#documents-list")).includes("<b>Bold</b>"));
  await page.goto(base + "/search?q=tags");
  assert.equal(await page.evaluate(() => window.pwned), undefined);
});

test("a writable server merges and unmerges speakers with its token", async (t) => {
  // A second store, served with a token (the demo is read-only).
  const reviewDb = path.join(work, "review.db");
  execFileSync(bin, ["ingest", path.join(here, "fixtures", "review.jsonl"), "--db", reviewDb], {
    stdio: "ignore",
  });
  const { proc: writable, address } = await startWhosaid(["serve", "--db", reviewDb, "--token", "e2e-token"]);
  t.after(() => writable.kill());
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  t.after(() => page.close());
  const problems = [];
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("request", (req) => {
    if (!req.url().startsWith(address)) problems.push(`external request: ${req.url()}`);
  });
  // The token prompt: a wrong token first, then the right one.
  const answers = ["wrong", "e2e-token"];
  page.on("dialog", (d) => {
    if (d.type() === "prompt") d.accept(answers.shift() ?? "");
    else {
      problems.push(`dialog: ${d.message()}`);
      d.dismiss();
    }
  });

  await page.goto(address + "/speakers/duplicates");
  const row = page.locator("table.duplicates tr", { hasText: "Julia Ostrowski" });
  assert.equal(await row.count(), 1);
  await row.locator("button.write").click();
  await page.locator(".write-status").waitFor();
  assert.match(await page.textContent(".write-status"), /token/);
  await Promise.all([page.waitForEvent("load"), row.locator("button.write").click()]);
  assert.equal(await page.locator("table.duplicates tr").count(), 0);

  // The merged name is listed on the speaker's page, and splits off again.
  await page.goto(address + "/speakers");
  await page.click("table.speakers a:text-is('Julia Ostrowski')");
  assert.match(await page.textContent("#merged"), /J\. Ostrowski/);
  await Promise.all([page.waitForEvent("load"), page.click("#merged button.write")]);
  assert.equal(await page.locator("#merged").count(), 0);
  await page.goto(address + "/speakers/duplicates");
  assert.equal(await page.locator("table.duplicates tr").count(), 1);
  await shot(page, "duplicates");
  assert.deepEqual(problems, []);
});
