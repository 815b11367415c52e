import { describe, expect, it } from "vitest";
import taxonomy from "@/content/taxonomy/aws-services.json";
import synonyms from "@/content/taxonomy/search-synonyms.json";
import {
  buildSnippet,
  buildSynonymIndex,
  collectSynonymGroups,
  compileQuery,
  highlightText,
  parseSearchQuery,
  rankDocuments,
  scoreDocument,
  segmentsToHtml,
  sqlPatternsFor,
  stripParticle,
  type SearchableText,
} from "./index";

const index = buildSynonymIndex(collectSynonymGroups(taxonomy, synonyms));
const parse = (q: string) => parseSearchQuery(q, index);
const texts = (q: string) => parse(q).terms.map((t) => t.alternatives.map((a) => a.text.toLowerCase()));

describe("parseSearchQuery", () => {
  it("splits words and expands Korean service names to English and back", () => {
    const query = parse("람다 타임아웃");
    expect(query.terms.map((t) => t.raw)).toEqual(["람다", "타임아웃"]);
    const [lambda, timeout] = texts("람다 타임아웃");
    expect(lambda).toEqual(expect.arrayContaining(["람다", "lambda", "aws lambda"]));
    expect(timeout).toEqual(expect.arrayContaining(["타임아웃", "timeout", "제한 시간", "실행 시간"]));
    expect(texts("Lambda")[0]).toContain("람다");
  });

  it("keeps the literal word first with the highest weight", () => {
    const [term] = parse("Fargate").terms;
    expect(term?.alternatives[0]).toMatchObject({ text: "Fargate", weight: 1, source: "literal" });
    expect(term?.alternatives.find((a) => a.text === "파게이트")?.source).toBe("service");
  });

  it("joins words that form a known phrase", () => {
    expect(parse("람다 제한 시간").terms.map((t) => t.raw)).toEqual(["람다", "제한 시간"]);
    expect(parse("route 53 가중치").terms.map((t) => t.raw)).toEqual(["route 53", "가중치"]);
    expect(texts("route 53")[0]).toContain("라우트53");
  });

  it("strips Korean particles when enough of the word remains", () => {
    expect(stripParticle("람다의")).toBe("람다");
    expect(stripParticle("ECS에서")).toBe("ECS");
    expect(stripParticle("사이")).toBeNull();
    expect(stripParticle("Lambda")).toBeNull();
    const [term] = parse("람다의").terms;
    expect(term?.raw).toBe("람다의");
    expect(term?.alternatives.map((a) => a.text)).toEqual(expect.arrayContaining(["람다의", "람다", "Lambda"]));
  });

  it("treats quoted text as one literal phrase without expansion", () => {
    const query = parse('"실행 시간" 람다');
    expect(query.terms[0]).toEqual({ raw: "실행 시간", alternatives: [{ text: "실행 시간", weight: 1, source: "literal" }] });
    expect(query.terms[1]?.raw).toBe("람다");
  });

  it("ignores punctuation, duplicates and empty input, and caps the number of terms", () => {
    expect(parse("   ").terms).toEqual([]);
    expect(parse("(람다), 람다!").terms.map((t) => t.raw)).toEqual(["람다"]);
    const many = parse("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10");
    expect(many.terms).toHaveLength(8);
    expect(many.dropped).toEqual(["i9", "j10"]);
  });

  it("normalises decomposed Hangul (NFD, as macOS writes it)", () => {
    expect(parse("람다".normalize("NFD")).terms[0]?.raw).toBe("람다");
  });
});

describe("matching and ranking", () => {
  const lambdaLimits: SearchableText = {
    title: "AWS Lambda - Part 1",
    body: "Lambda의 한계 10GB RAM CPU는 RAM과 붙어있음 Timeout 은 15분(15분 이상 걸리는 작업 비적합) /tmp Storage 10GB",
    keywords: "AWS Lambda Lambda 람다 AWS 람다",
  };
  const lambdaIntro: SearchableText = { title: "Lambda", body: "가상 함수 (관리할 서버는 없음) 시간이 제한됨 (15분)", keywords: "AWS Lambda 람다" };
  const ec2: SearchableText = { title: "EC2", body: "클라우드 상의 가상 서버 RAM과 CPU가 제한됨", keywords: "Amazon EC2 EC2" };
  const weighted: SearchableText = { title: "라우팅 정책", body: "가중치 라우팅 정책 트래픽을 여러 리소스 간에 비율에 따라 분산", keywords: "Amazon Route 53 Route 53" };
  const geo: SearchableText = { title: "지리 근접 라우팅", body: "가중치 조정을 통해 특정 리소스로 더 많은 트래픽을", keywords: "Amazon Route 53" };

  it("ranks documents with every term first and ignores documents with none", () => {
    const terms = compileQuery(parse("람다 타임아웃"));
    expect(scoreDocument(ec2, terms)).toBeNull();
    const ranked = rankDocuments([lambdaIntro, ec2, lambdaLimits], (d) => d, terms);
    expect(ranked.map((r) => r.item.title)).toEqual(["AWS Lambda - Part 1", "Lambda"]);
    expect(ranked.map((r) => r.score.match)).toEqual(["full", "full"]);
    expect(ranked[0]?.score.matchedInText).toBe(true);
  });

  it("falls back to partial matches below the full ones instead of dropping them", () => {
    const query = compileQuery(parse("람다 쿠버네티스"));
    const eks: SearchableText = { title: "EKS", body: "쿠버네티스 클러스터에서 람다 함수를 부르는 방법", keywords: "" };
    const ranked = rankDocuments([lambdaIntro, ec2, eks], (d) => d, query);
    expect(ranked.map((r) => [r.item.title, r.score.match, r.score.coverage])).toEqual([
      ["EKS", "full", 1],
      ["Lambda", "partial", 0.5],
    ]);
    // Fewer than half the words is not a match at all.
    expect(scoreDocument(lambdaIntro, compileQuery(parse("람다 쿠버네티스 파드")))).toBeNull();
    expect(rankDocuments([lambdaIntro, eks], (d) => d, query, { fallbackLimit: 0 }).map((r) => r.item.title)).toEqual(["EKS"]);
  });

  it("keeps a known phrase together and matches its words one by one as a partial match", () => {
    const [term] = parse("오토스케일링 정책").terms;
    expect(term?.raw).toBe("오토스케일링 정책");
    expect(term?.parts?.map((part) => part.raw)).toEqual(["오토스케일링", "정책"]);
    const query = compileQuery(parse("오토스케일링 정책"));
    const strategies: SearchableText = { title: "다양한 자동 확장 전략", body: "목표 추적, 단계 조정, 예약 조정", keywords: "" };
    const asg: SearchableText = { title: "AutoScaling", body: "수요에 맞춰 인스턴스 수를 조정", keywords: "" };
    const ranked = rankDocuments([asg, strategies], (d) => d, query);
    expect(ranked.map((r) => [r.item.title, r.score.match])).toEqual([
      ["다양한 자동 확장 전략", "full"],
      ["AutoScaling", "partial"],
    ]);
  });

  it("a feature alias reaches its service's names only as related evidence", () => {
    const [term] = parse("읽기 전용 복제본").terms;
    const weight = (text: string) => term?.alternatives.find((a) => a.text.toLowerCase() === text.toLowerCase())?.weight;
    expect(weight("읽기 전용 복제본")).toBe(1);
    expect(weight("read replica")).toBe(0.8);
    expect(weight("RDS")).toBe(0.3);
    const query = compileQuery(parse("읽기 전용 복제본"));
    const replicas: SearchableText = { title: "RDS", body: "읽기 전용 복제본은 비동기식으로 복제된다. Read Replica 승격", keywords: "Amazon RDS RDS 읽기 전용 복제본" };
    const backups: SearchableText = { title: "RDS 백업", body: "RDS 자동 백업과 스냅샷", keywords: "Amazon RDS RDS 읽기 전용 복제본" };
    const proxy: SearchableText = { title: "RDS Proxy", body: "연결 풀링", keywords: "Amazon RDS Proxy RDS Proxy" };
    const ranked = rankDocuments([backups, proxy, replicas], (d) => d, query);
    expect(ranked.map((r) => [r.item.title, r.score.match])).toEqual([
      ["RDS", "full"],
      ["RDS 백업", "related"],
      ["RDS Proxy", "related"],
    ]);
    // The keyword list holds every alias of the service: a keyword-only hit is no match.
    expect(scoreDocument({ title: "Multi-AZ 배포", body: "대기 인스턴스", keywords: "Amazon RDS RDS 읽기 전용 복제본" }, query)?.match).toBe("related");
    expect(scoreDocument({ title: "대기 인스턴스", body: "동기식 복제", keywords: "Amazon RDS RDS 읽기 전용 복제본" }, query)).toBeNull();
  });

  it("ranks the note titled with the phrase above a long page that repeats it", () => {
    const query = compileQuery(parse("VPC 엔드포인트"));
    const dedicated: SearchableText = { title: "VPC 엔드포인트", body: "게이트웨이 엔드포인트와 인터페이스 엔드포인트. VPC 엔드포인트는 S3 에 사설로 연결", keywords: "" };
    const merged: SearchableText = { title: "특징", body: `${"여러 노트의 특징 문단, VPC 엔드포인트 언급. ".repeat(20)}${"다른 서비스 설명 ".repeat(3000)}`, keywords: "" };
    const ranked = rankDocuments([merged, dedicated], (d) => d, query);
    expect(ranked.map((r) => r.item.title)).toEqual(["VPC 엔드포인트", "특징"]);
    expect(ranked[0]?.score.phraseInTitle).toBe(true);
  });

  it("finds two-syllable Korean words and their English synonyms", () => {
    const terms = compileQuery(parse("가중치 라우팅"));
    const ranked = rankDocuments([geo, weighted, ec2], (d) => d, terms);
    expect(ranked[0]?.item).toBe(weighted);
    expect(scoreDocument({ title: "Weighted routing", body: "", keywords: "" }, terms)).not.toBeNull();
  });

  it("matches short English aliases as whole words only", () => {
    const terms = compileQuery(parse("AZ"));
    expect(scoreDocument({ title: "Amazon EC2", body: "Amazon", keywords: "" }, terms)).toBeNull();
    expect(scoreDocument({ title: "다중 AZ 배포", body: "", keywords: "" }, terms)).not.toBeNull();
    expect(scoreDocument({ title: "각 AZ에 서브넷", body: "", keywords: "" }, terms)).not.toBeNull();
  });

  it("matches phrases with or without the space", () => {
    const terms = compileQuery(parse("제한 시간"));
    expect(scoreDocument({ title: "", body: "함수의 제한시간은 15분", keywords: "" }, terms)).not.toBeNull();
  });

  it("gives LIKE patterns that cover every alternative, without redundant ones", () => {
    const [lambda] = parse("람다").terms;
    const patterns = sqlPatternsFor(lambda!);
    expect(patterns).toContain("람다");
    expect(patterns).toContain("lambda");
    expect(patterns).not.toContain("aws"); // "AWS Lambda" reduces to its longest word
    expect(patterns.filter((p) => p.includes("lambda"))).toEqual(["lambda"]);
    const [phrase] = parse('"실행 시간"').terms;
    expect(sqlPatternsFor(phrase!)).toEqual(["실행"]);
  });
});

describe("buildSnippet", () => {
  it("centres on the matches and highlights them", () => {
    const long = `${"앞부분 문장입니다. ".repeat(30)}Timeout 은 15분(15분 이상 걸리는 작업 비적합) ${"뒷부분 문장입니다. ".repeat(30)}`;
    const segments = buildSnippet(long, compileQuery(parse("타임아웃")).highlights, { maxLength: 80 });
    expect(segments[0]?.text.startsWith("…")).toBe(true);
    expect(segments.filter((s) => s.highlight).map((s) => s.text)).toEqual(["Timeout"]);
    expect(segments.map((s) => s.text).join("")).toContain("15분");
    expect(segments[segments.length - 1]?.text.endsWith("…")).toBe(true);
  });

  it("prefers a window that shows every term", () => {
    const text = `람다 ${"x ".repeat(200)}그래서 람다는 Timeout 은 15분 ${"y ".repeat(50)}`;
    const segments = buildSnippet(text, compileQuery(parse("람다 타임아웃")).highlights, { maxLength: 60 });
    const highlighted = segments.filter((s) => s.highlight).map((s) => s.text);
    expect(highlighted).toEqual(["람다", "Timeout"]);
  });

  it("highlights the longest alternative and merges overlaps", () => {
    const segments = highlightText("AWS Lambda 람다", compileQuery(parse("람다")).highlights);
    expect(segments).toEqual([
      { text: "AWS Lambda", highlight: true },
      { text: " ", highlight: false },
      { text: "람다", highlight: true },
    ]);
  });

  it("returns the beginning when nothing matches and nothing for empty text", () => {
    expect(buildSnippet("짧은 글", compileQuery(parse("없음")).highlights)).toEqual([{ text: "짧은 글", highlight: false }]);
    expect(buildSnippet("  ", compileQuery(parse("람다")).highlights)).toEqual([]);
  });

  it("escapes note text when HTML is needed", () => {
    const segments = buildSnippet('<script>alert("람다")</script> <img src=x onerror=alert(1)>', compileQuery(parse("람다")).highlights);
    const html = segmentsToHtml(segments);
    expect(html).toContain("<mark>람다</mark>");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });
});
