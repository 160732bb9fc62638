// Throwaway: cut a tall PNG into viewable pieces.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
const [file, out, width, pieceHeight, count] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(pieceHeight) } });
await page.setContent(`<body style="margin:0"><img src="data:image/png;base64,${readFileSync(file!).toString("base64")}"></body>`);
for (let i = 0; i < Number(count); i++) await page.screenshot({ path: `${out}-${i}.png`, fullPage: true, clip: { x: 0, y: i * Number(pieceHeight), width: Number(width), height: Number(pieceHeight) } }).catch(() => undefined);
await browser.close();
