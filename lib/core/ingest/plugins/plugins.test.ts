// The note-syntax transforms through the real parser (remark + remark-gfm), rendered and sanitised.
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../parse-segments";
import { renderNodes } from "../render";
import { readWikiTarget } from "./wiki-links";

const render = (markdown: string, existing: string[] = []) =>
  renderNodes(parseMarkdown(markdown, { resolveImage: (url) => (existing.includes(url) ? url : null) }).children);

describe("callouts", () => {
  it("handles any type, with or without a space, with or without title and body", () => {
    expect(render(">[!tip] 제목\n>본문")).toBe('<aside class="callout callout-tip">\n<div class="callout-title">제목</div>\n<p>본문</p>\n</aside>');
    expect(render("> [!question] 제목만")).toBe('<aside class="callout callout-question">\n<div class="callout-title">제목만</div>\n</aside>');
    expect(render("> [!warning]\n> 본문만")).toContain('<div class="callout-title">주의</div>');
    expect(render("> [!Custom-Type]- 접힘")).toContain('class="callout callout-custom-type"');
    expect(render("> 보통 인용")).toBe("<blockquote>\n<p>보통 인용</p>\n</blockquote>");
  });
});

describe("wiki links and embeds", () => {
  it("reads targets, headings and aliases", () => {
    expect(readWikiTarget("노트#절|별칭")).toEqual({ target: "노트", heading: "절", alias: "별칭" });
    expect(readWikiTarget("노트#^block")).toEqual({ target: "노트", heading: "block", alias: null });
  });

  it("leaves placeholders for the ingester and turns image embeds into images", () => {
    expect(render("[[대상|별칭]]")).toBe('<p><a href="gureum-wiki:%EB%8C%80%EC%83%81">별칭</a></p>');
    expect(render("`[[코드]]`")).toBe("<p><code>[[코드]]</code></p>");
    // The placeholder protocol written by hand is an ordinary link to an unknown scheme.
    expect(render("[x](gureum-wiki:abc) [y][r] <GUREUM-WIKI:z>\n\n[r]: gureum-wiki:zz")).toBe("<p><a>x</a> <a>y</a> <a>GUREUM-WIKI:z</a></p>");
    expect(render("![[x.png]]")).toContain('<figure class="image-missing"');
    expect(render("![[x.png]]", ["x.png"])).toBe('<p><img src="/note-assets/x.png" alt=""></p>');
  });
});

describe("images", () => {
  it("labels missing images with their file, inline or as a figure", () => {
    expect(render("![그림](img/a.png)")).toBe(
      '<figure class="image-missing" title="img/a.png"><figcaption><span class="image-missing-label">이미지 없음</span> <span class="image-missing-name">img/a.png</span> — 그림</figcaption></figure>',
    );
    expect(render("글 ![](b.png) 글")).toContain('<span class="image-missing" title="b.png">');
  });
});

describe("raw HTML", () => {
  it("keeps the text of formatting tags and shows executable ones as inert text", () => {
    expect(render('<font color="#92d050">초록</font> 글')).toBe("<p>초록 글</p>");
    expect(render("<script>alert(1)</script>")).toBe("<p>&#x3C;script>alert(1)&#x3C;/script></p>");
    expect(render("<img src=x onerror=alert(1)>")).toBe("<p>&#x3C;img src=x onerror=alert(1)></p>");
    expect(render("[링크](javascript:alert(1))")).toBe("<p><a>링크</a></p>");
    expect(render("첫<br>둘")).toBe("<p>첫<br>\n둘</p>");
  });
});

describe("tables", () => {
  it("tolerates broken and unterminated tables", () => {
    const html = render("| a | b |\n| - | - |\n| 1 |\n| 2 | 3 | 4 |\n| 5 | 6");
    expect(html).toContain("<table>");
    expect(html).toContain("<td>5</td>");
    expect(render("| 머리만 |")).toBe("<p>| 머리만 |</p>");
  });
});
