import { describe, expect, it } from "vitest";
import { attachDetachedParticles, finalSoundOf, findDetachedParticles, korean, particleFor, withParticle } from "./korean-spacing";

const found = (text: string) => findDetachedParticles(text).map((item) => item.found);

describe("findDetachedParticles", () => {
  it("finds a particle apart from a Latin word, a number, a unit or a closing bracket/quote", () => {
    expect(found("ALB 를 앞에 둡니다.")).toEqual(["ALB 를"]);
    expect(found("S3 에 저장하고 6MB 이므로 거부됩니다")).toEqual(["S3 에", "6MB 이므로"]);
    expect(found("Route 53 의 상태 확인")).toEqual(["53 의"]);
    expect(found("가상 사설 클라우드(VPC) 와 서브넷")).toEqual(["클라우드(VPC) 와"]);
    expect(found('"EC2 인스턴스 프로필" 이 맡습니다')).toEqual(['프로필" 이']);
    expect(found("75% 로 늘립니다")).toEqual(["75% 로"]);
    expect(found("`PutObject` 만 허용")).toEqual(["`PutObject` 만"]);
  });

  it("needs a word boundary after the particle: space, punctuation or the end", () => {
    expect(found("끝은 ALB 를")).toEqual(["ALB 를"]);
    expect(found("Lambda 로, 그다음 SQS 로.")).toEqual(["Lambda 로", "SQS 로"]);
    expect(found("(ALB 와)")).toEqual(["(ALB 와"]);
    expect(found("Fargate 에서는 서버가 없습니다")).toEqual(["Fargate 에서는"]);
  });

  it("covers the particle list of issue 11", () => {
    const particles = ["은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "으로", "로", "와", "과", "도", "만", "보다", "까지", "부터", "처럼", "이나", "나", "이며", "이고", "이므로", "이면", "이라", "이라서", "이라는", "이란", "입니다", "이다", "인", "으로서", "로서", "으로써", "로써", "마다", "조차", "밖에", "라도"];
    for (const particle of particles) expect(findDetachedParticles(`ECR ${particle} 끝`).map((item) => item.particle), particle).toEqual([particle]);
  });

  it("leaves words that only start with a particle syllable alone", () => {
    expect(found("S3 이벤트로 EC2 인스턴스를 시작하고 API 가용성을 봅니다")).toEqual([]);
    expect(found("ALB 로드 밸런서, SQS 대기열, KMS 키, Lambda 함수")).toEqual([]);
    expect(found("DynamoDB 의존성과 VPC 도메인")).toEqual([]);
  });

  it("takes 이 after a word read with a final vowel, before a noun, as the demonstrative", () => {
    expect(found("Lambda 이 함수는 API 이 경로만 씁니다")).toEqual([]);
    // …but after a final consonant it is the subject particle
    expect(found("ECR 이 관리하는 버킷, Route 53 이 응답")).toEqual(["ECR 이", "53 이"]);
    expect(found("Spot 이 아닌 FARGATE")).toEqual(["Spot 이"]);
    expect(found("CloudTrail 이 기록한")).toEqual(["CloudTrail 이"]);
  });

  it("ignores particles after Hangul and already attached particles", () => {
    expect(found("함수 를 만들고 ALB를 둡니다")).toEqual([]);
    expect(found("A. 를 고른다")).toEqual([]);
  });

  it("reports where the space is and how the fixed text reads", () => {
    expect(findDetachedParticles("앞 ALB 를")).toEqual([{ index: 5, particle: "를", word: "ALB", found: "ALB 를", fixed: "ALB를" }]);
  });
});

describe("attachDetachedParticles", () => {
  it("removes the space and keeps the particle as written", () => {
    expect(attachDetachedParticles("ALB 을 쓰고 6MB 이므로 (VPC) 와 S3  에 둡니다. S3 이벤트")).toBe("ALB을 쓰고 6MB이므로 (VPC)와 S3에 둡니다. S3 이벤트");
    expect(attachDetachedParticles("바꿀 것이 없습니다")).toBe("바꿀 것이 없습니다");
  });
});

describe("particleFor", () => {
  it("reads Hangul, digits, letter names and units as Koreans say them", () => {
    expect(finalSoundOf("함수")).toBe("vowel");
    expect(finalSoundOf("파일")).toBe("rieul");
    expect(finalSoundOf("15분")).toBe("consonant");
    expect(finalSoundOf("900초(15분)")).toBe("vowel");
    expect(finalSoundOf("1,000")).toBe("consonant");
    expect(finalSoundOf("256KB")).toBe("vowel");
    expect(finalSoundOf("ALB")).toBe("vowel");
    expect(finalSoundOf("IAM")).toBe("consonant");
    expect(finalSoundOf("Lambda")).toBe("vowel");
    expect(finalSoundOf("Spot")).toBe("consonant");
    expect(finalSoundOf("Endpoint")).toBe("vowel");
  });

  it("chooses each pair's form", () => {
    expect(withParticle("6MB", "object")).toBe("6MB를");
    expect(withParticle("15분", "object")).toBe("15분을");
    expect(withParticle("1,000", "topic")).toBe("1,000은");
    expect(withParticle("512MB", "topic")).toBe("512MB는");
    expect(withParticle("ECR", "subject")).toBe("ECR이");
    expect(withParticle("Lambda", "subject")).toBe("Lambda가");
    expect(withParticle("Route 53", "and")).toBe("Route 53과");
    expect(withParticle("파일", "direction")).toBe("파일로");
    expect(withParticle("10GB", "direction")).toBe("10GB로");
    expect(withParticle("3회", "direction")).toBe("3회로");
    expect(withParticle("1MB", "copula")).toBe("1MB다");
    expect(particleFor("IAM", "direction")).toBe("으로");
  });
});

describe("korean template tag", () => {
  it("chooses the pair form after a value and attaches every particle", () => {
    const limit = "10,240MB";
    expect(korean`${"12GB"} 는 한도 ${limit} 를 넘습니다`).toBe("12GB는 한도 10,240MB를 넘습니다");
    expect(korean`${"1,000"} 는 ${"200"} 를 넘고 ${"15분"} 이 지나면 ${"IAM"} 로는 ${"S3"} 와의`).toBe("1,000은 200을 넘고 15분이 지나면 IAM으로는 S3과의");
    expect(korean`한도는 ${"900초(15분)"} 이므로 ${"Lambda"} 가 ${"6MB"} 까지`).toBe("한도는 900초(15분)이므로 Lambda가 6MB까지");
    expect(korean`${"파일"}를 ${"ALB"} 이벤트 Service Quotas 에서`).toBe("파일을 ALB 이벤트 Service Quotas에서");
    expect(korean`${"값을 따릅니다."} 이 값은 ${"Lambda"} 이 함수`).toBe("값을 따릅니다. 이 값은 Lambda 이 함수");
  });
});
