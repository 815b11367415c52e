// `npm run content:check` as CI runs it: the exit code and the file:line messages.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

function contentCheck(...args: string[]) {
  const run = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/content-check.ts", ...args], { encoding: "utf8", timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("content:check", () => {
  it("passes the fixture banks and prints the summary", () => {
    const run = contentCheck("--dir", "tests/fixtures/questions/banks");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("유효한 문제 5개");
    expect(run.stdout).toMatch(/resilient\s+3\s+60\.0%\s+\(시험 26\.0%\)/);
    expect(run.stdout).toContain("복수 응답 비율: 선택형 문제 중 33.3%");
    expect(run.stdout).toContain("Lambda 한도와 호출 [lambda, lambda-edge, cloudfront-functions]: 3");
    expect(run.stdout).toContain("content:check 통과");
  });

  it("fails on a broken bank, naming file:line for each error", () => {
    const run = contentCheck("--dir", "tests/fixtures/questions/broken");
    expect(run.status).toBe(1);
    const file = "tests/fixtures/questions/broken/broken.md";
    expect(run.stderr).toContain(`${file}:21: 오류: fx-broken-topic: 선택지 C 가 선택지 A 와 같습니다`);
    expect(run.stderr).toContain(`${file}:23: 오류: fx-broken-topic: 선택지 D 에 설명(정답:/오답:)이 없습니다`);
    expect(run.stderr).toContain(`${file}:31: 오류: fx-broken-choose: choose 3 와 정답 표시 2개가 다릅니다`);
    expect(run.stderr).toContain(`${file}:34: 오류: fx-broken-choose: 본문의 "2개를 고르시오" 와 choose 3 가 다릅니다`);
    expect(run.stderr).toContain("content:check 실패");
  });

  it("reports unknown topics, missing note headings and reference ids once the format is valid", () => {
    const run = contentCheck("--dir", "tests/fixtures/questions/broken-refs");
    expect(run.status).toBe(1);
    const file = "tests/fixtures/questions/broken-refs/refs.md";
    expect(run.stderr).toContain(`${file}:9: 오류: fx-refs: topic "not-a-service" 가 content/taxonomy/aws-services.json 에 없습니다`);
    expect(run.stderr).toContain(`${file}:11: 오류: fx-refs: source 제목 "없는 제목" 가 containers-serverless-dynamodb.md 에 없습니다`);
    expect(run.stderr).toContain(`${file}:12: 오류: fx-refs: source 노트 "missing-note.md" 가 content/notes 에 없습니다`);
    expect(run.stderr).toContain(`${file}:13: 오류: fx-refs: reference "not-a-fact" 가 content/reference/aws-facts.json 에 없습니다`);
  });

  it("fails on a particle written apart from the word before it, and --fix attaches it", () => {
    const file = "tests/fixtures/questions/particles/particles.md";
    const run = contentCheck("--dir", "tests/fixtures/questions/particles");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}:13: 오류: fx-particles: 조사를 앞말에 붙여 씁니다: "ALB 를" → "ALB를"`);
    expect(run.stderr).toContain(`${file}:16: 오류: fx-particles: 조사를 앞말에 붙여 씁니다: "6MB 이므로" → "6MB이므로"`);
    expect(run.stderr).not.toContain("S3 이벤트");

    const dir = mkdtempSync(path.join(tmpdir(), "gureum-particles-"));
    try {
      copyFileSync(file, path.join(dir, "particles.md"));
      const fixed = contentCheck("--dir", dir, "--fix");
      expect(fixed.stderr).toBe("");
      expect(fixed.status).toBe(0);
      expect(fixed.stdout).toContain("조사 3개를 앞말에 붙였습니다");
      const content = readFileSync(path.join(dir, "particles.md"), "utf8");
      expect(content).toContain("웹 서버 앞에 ALB를 두려고 합니다. S3 이벤트와 EC2 인스턴스는 그대로 둡니다.");
      expect(content).toContain("요청 본문이 6MB이므로");
      expect(content).toContain("- source: route53-acm-alb-ecs.md#ALB");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
