import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { mayHoldAutolinkLiteral, parseMarkdown, parseTask, returnHangulFromAutolinks } from "./parse-segments";
import { renderNodes } from "./render";
import { groupTasks, scanNote } from "./scan";
import { assembleNote } from "./topics";

const context = { resolveImage: () => null };

function parseWhole(text: string, maxSegmentChars?: number) {
  const scanned = scanNote("a.md", text, { maxSegmentChars });
  return assembleNote(scanned, groupTasks(scanned, 5_000).flatMap((task) => parseTask(task, context)));
}

describe("parsing in pieces", () => {
  it("gives the same sections whether a long section is parsed whole or in pieces", () => {
    const body = Array.from({ length: 80 }, (_, i) => `문단 ${i}: 람다 타임아웃 ${i}분 설명 ${"가나다 ".repeat(20)}\n\n- 목록 ${i}\n  - 하위 ${i}\n`).join("\n");
    const text = `# 앞\n짧은 본문\n\n## 긴 절\n${body}\n## 뒤\n끝\n`;
    const whole = parseWhole(text, 10_000_000);
    const pieces = parseWhole(text, 1_000);
    expect(pieces.sections.map((section) => section.heading?.text)).toEqual(["앞", "긴 절", "뒤"]);
    expect(pieces.sections.map((section) => [section.startLine, section.endLine])).toEqual(whole.sections.map((section) => [section.startLine, section.endLine]));
    expect(pieces.sections[1]!.plainText).toBe(whole.sections[1]!.plainText);
    expect(pieces.sections[1]!.factLines).toEqual(whole.sections[1]!.factLines);
  });

  it("reports file line numbers for headings and fact lines", () => {
    const note = parseWhole("머리말\n\n# 제목\n\n- 타임아웃 15분\n\n## 둘\n셋째 줄 3개\n");
    expect(note.sections.map((section) => section.heading?.line ?? null)).toEqual([null, 3, 7]);
    expect(note.sections[1]!.factLines).toEqual([{ line: 5, text: "타임아웃 15분", context: [] }]);
    expect(note.sections[2]!.factLines).toEqual([{ line: 8, text: "셋째 줄 3개", context: [] }]);
  });

  it("resolves link references defined in another section", () => {
    const note = parseWhole("# 하나\n[문서][aws]\n\n# 둘\n[aws]: https://docs.aws.amazon.com/\n");
    expect(note.sections[0]!.html).toBe('<p><a href="https://docs.aws.amazon.com/">문서</a></p>');
  });
});

describe("GFM autolink literals are only looked for where one can be", () => {
  const gfm = unified().use(remarkParse).use(remarkGfm).freeze();
  const noteFiles = [
    ...readdirSync("content/notes").map((file) => path.join("content/notes", file)),
    ...readdirSync("tests/fixtures/notes").flatMap((dir) => readdirSync(path.join("tests/fixtures/notes", dir)).map((file) => path.join("tests/fixtures/notes", dir, file))),
    ...readdirSync("tests/e2e/notes-extra").map((file) => path.join("tests/e2e/notes-extra", file)),
  ].filter((file) => file.endsWith(".md"));
  const tricky = [
    "Lambda@Edge 와 CloudFront@Edge", "메일 a@b 없음", "user@example.com 으로", "mailto:a@b.co", "xmpp:a@b.c/x",
    "www.example.com 과 WWW.AWS.AMAZON.COM", "https://docs.aws.amazon.com/lambda 참고", "HTTP://A.B", "http:/broken",
    "wwwexample.com", "foo@bar_baz.com", "a+b.c@d-e.f", "[링크](https://x.y) 와 <https://x.y>", "~~취소~~ 와 [^1]\n\n[^1]: 각주",
    "| a | b |\n|---|---|\n| 1 | www.x.y |", "- [x] 완료\n- [ ] 할일 http://a.b",
    "![그림](https://s3.amazonaws.com/a.png) 본문", "[문서](https://docs.aws.amazon.com/) 와 www.aws.com", "foo@bar_x_.com", "foo&#64;bar.com",
    "http:\\//x.com", "[see www.x.com](https://y.z)", "a](https://x.com 괄호만", "<span>http://x.com</span>", "`http://code.com` 코드", "*www.a.com*",
    "www.example.com을 보세요", "https://aws.amazon.com/ko/을 참고", "https://ko.wikipedia.org/wiki/서울 과 <https://x.com/을>",
  ];

  // One intended difference: Korean right after an autolink literal is text, not part of the
  // URL (remark-gfm links "www.example.com을" to www.example.com%EC%9D%84), so the expected
  // tree is remark-gfm's with that one correction applied.
  const expected = (text: string) => {
    const tree = gfm.parse(text);
    returnHangulFromAutolinks(tree);
    return tree;
  };

  it("parses every segment exactly as remark-gfm does, but for Korean after autolinks", () => {
    const texts = [...tricky, ...noteFiles.flatMap((file) => groupTasks(scanNote(file, readFileSync(file, "utf8")), 5_000).flatMap((task) => task.segments.map((segment) => segment.text)))];
    for (const text of texts) {
      // The note-syntax transforms change the tree afterwards; compare before them.
      expect(parseMarkdown(text, { resolveImage: () => null }, { transform: false }), text.slice(0, 80)).toEqual(expected(text));
    }
    // Both kinds are in there: segments with link destinations only, and with real autolinks.
    const withTrigger = texts.filter(mayHoldAutolinkLiteral);
    expect(texts.length - withTrigger.length).toBeGreaterThan(20);
    expect(withTrigger.length).toBeGreaterThan(10);
    expect(withTrigger.filter((text) => JSON.stringify(gfm.parse(text)).includes('"type":"link"')).length).toBeGreaterThan(5);
  });

  it("gives Korean particles after an autolink literal back to the text", () => {
    const html = (text: string) => renderNodes(parseMarkdown(text, { resolveImage: () => null }).children);
    expect(html("www.example.com을 보세요")).toBe('<p><a href="http://www.example.com">www.example.com</a>을 보세요</p>');
    expect(html("https://aws.amazon.com/ko/을 참고")).toBe('<p><a href="https://aws.amazon.com/ko/">https://aws.amazon.com/ko/</a>을 참고</p>');
    expect(html("https://ko.wikipedia.org/wiki/서울 참고")).toContain('href="https://ko.wikipedia.org/wiki/%EC%84%9C%EC%9A%B8"');
    expect(html("<https://x.com/을>")).toContain('href="https://x.com/%EC%9D%84"');
    expect(html("**www.a.com은** 굵게")).toBe('<p><strong><a href="http://www.a.com">www.a.com</a>은</strong> 굵게</p>');
  });

  it("finds the triggers", () => {
    expect(["user@example.com", "https://a.b", "www.a.b", "WWW.A.B", "mailto:a@b.c", "a_b@c-d.e"].map(mayHoldAutolinkLiteral)).toEqual([true, true, true, true, true, true]);
    expect(["Lambda@Edge", "a@b", "http:/x", "wwwx.com", "람다 15분"].map(mayHoldAutolinkLiteral)).toEqual([false, false, false, false, false]);
    const tree = parseMarkdown("문서: https://docs.aws.amazon.com/lambda 와 www.aws.com", { resolveImage: () => null });
    expect(JSON.stringify(tree)).toContain('"url":"https://docs.aws.amazon.com/lambda"');
  });
});
