// A real browser (Debian's chromium, headless, driven by playwright-core) uses the pages:
// runs an example query in YASGUI, sees the result table, opens entity pages.
// Screenshots go to test/artifacts/ (git-ignored).
import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { startTestServer, type TestServer } from "./helpers.ts";

const ARTIFACTS = new URL("../artifacts/", import.meta.url).pathname;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run", "--disable-component-update", "--disable-sync"];

let server: TestServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  server = await startTestServer();
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("request", (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith("data:")) foreignRequests.push(r.url());
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("in a browser", { timeout: 120_000 }, () => {
  it("the query page runs an example query and shows the result table", async () => {
    await page.goto(server.url);
    await page.waitForSelector(".yasqe .CodeMirror");
    await page.screenshot({ path: `${ARTIFACTS}query-page.png` });
    await page.getByRole("button", { name: "Who holds which post" }).click();
    const firstCell = page.locator(".yasr table tbody tr").first();
    await firstCell.waitFor();
    const table = await page.locator(".yasr table tbody").innerText();
    expect(table).toContain("Sergey Lavrov");
    expect(table).toContain("Wang Yi");
    expect(table).toContain("Foreign Minister");
    expect(await page.locator(".yasr table tbody tr").count()).toBe(2);
    await page.screenshot({ path: `${ARTIFACTS}query-results.png` });
  });

  it("a result link to an entity opens its page on this server", async () => {
    const link = page.locator(".yasr table tbody a", { hasText: "person/sergey-lavrov" });
    expect(await link.getAttribute("href")).toBe("/resource/person/sergey-lavrov");
    // The cell shows only the start of the IRI (ellipsis), which Playwright's pointer checks dislike: click the link itself.
    await link.dispatchEvent("click");
    await page.waitForURL(/\/resource\/person\/sergey-lavrov$/);
    expect(await page.locator("h1").innerText()).toMatch(/^Sergey Lavrov\s+PERSON$/i);
  });

  it("an entity page shows the person and links on to co-mentioned entities", async () => {
    await page.goto(`${server.url}resource/person/sergey-lavrov`);
    expect(await page.locator("h1").innerText()).toMatch(/^Sergey Lavrov\s+PERSON$/i);
    const quotes = await page.locator("#statements blockquote").allInnerTexts();
    expect(quotes).toEqual(["We will respond", "Unilateral sanctions are illegitimate & <never> work"]); // newest article first
    await page.screenshot({ path: `${ARTIFACTS}entity-person.png`, fullPage: true });
    await page.locator("#co-mentioned").getByRole("link", { name: "United States" }).click();
    await page.waitForURL(/\/resource\/country\/united-states$/);
    expect(await page.locator("#sanctions").innerText()).toContain("support for the war in Ukraine");
    // the hostile label is shown as text, not run
    expect(await page.locator("#co-mentioned").innerText()).toContain("<script>alert('x')</script> Acme & Trading");
    await page.screenshot({ path: `${ARTIFACTS}entity-country.png`, fullPage: true });
  });

  it("loaded everything from this server and ran without script errors", () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
