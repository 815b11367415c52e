// Limit scenarios: "a job runs N minutes / needs M GB / sends K KB … — is Lambda suitable, and if
// not, what instead?" Parameter values are fixed lists that fall on both sides of each limit, so
// the right answer varies; the limit itself comes from the reference table (falling back to the
// notes), never from the parameters. Ids depend on the parameters only.
import { convertUnit, formatNumber, formatQuantity } from "@/lib/core/reference/units";
import type { ReferenceIndex } from "@/lib/core/reference/aws-facts";
import type { Domain } from "../types";
import { korean } from "../korean-spacing";
import { finishQuestion, generatedId, type ChoiceDraft, type GeneratedQuestion } from "./build";
import {
  factIdsOf,
  formatFact,
  formatLimit,
  limitOf,
  provenanceSentence,
  referenceIdsOf,
  resolveFact,
  sourcesOf,
  type FactInput,
  type ResolvedFact,
} from "./facts";

export const LAMBDA_GENERATOR = "lambda-limits";

type Facts = Record<string, ResolvedFact>;

interface Scenario {
  stem: string;
  choices: ChoiceDraft[];
  difficulty: 1 | 2 | 3;
}

export interface LimitDimension {
  template: string;
  /** lambda attributes (reference `attribute`) the scenario depends on */
  attributes: string[];
  /** the scenario parameter's unit (converted to the fact's unit before comparing) */
  unit: string;
  values: number[];
  domain: Domain;
  topics: string[];
  build(value: number, facts: Facts, index: number): Scenario;
}

/** value (in `unit`) ≤ the fact's upper limit, compared in the fact's unit. */
export function withinLimit(value: number, unit: string, fact: ResolvedFact): boolean {
  const converted = convertUnit(value, unit, fact.unit);
  if (converted === null) throw new Error(korean`단위를 비교할 수 없습니다: ${unit} → ${fact.unit}`);
  return converted <= limitOf(fact) + 1e-9;
}

/** Whole gigabytes as GB, anything else as MB ("1,500MB", not "1.46484375GB"). */
function size(valueMb: number): string {
  return valueMb >= 1024 && valueMb % 1024 === 0 ? formatQuantity(valueMb / 1024, "GB") : formatQuantity(valueMb, "MB");
}

function fact(facts: Facts, attribute: string): ResolvedFact {
  const found = facts[attribute];
  if (!found) throw new Error(korean`fact ${attribute}가 없습니다`);
  return found;
}

const right = (role: string, text: string, why: string): ChoiceDraft => ({ role, text, correct: true, why });
const wrong = (role: string, text: string, why: string): ChoiceDraft => ({ role, text, correct: false, why });
const option = (role: string, text: string, correct: boolean, whyRight: string, whyWrong: string): ChoiceDraft =>
  correct ? right(role, text, whyRight) : wrong(role, text, whyWrong);

export const LIMIT_DIMENSIONS: LimitDimension[] = [
  {
    template: "timeout",
    attributes: ["timeout.max"],
    unit: "min",
    values: [4, 10, 14, 20, 45, 90],
    domain: "resilient",
    topics: ["lambda", "fargate", "eventbridge"],
    build(minutes, facts, index) {
      const timeout = fact(facts, "timeout.max");
      const fits = withinLimit(minutes, "min", timeout);
      const jobs = ["CSV 파일을 정리하는 데이터 변환 작업", "야간 정산 보고서 생성 작업", "로그 집계 작업", "이미지 일괄 압축 작업", "데이터베이스 덤프 검증 작업", "동영상 트랜스코딩 작업"];
      const job = jobs[index % jobs.length];
      return {
        difficulty: minutes > 10 && minutes < 20 ? 2 : 1,
        stem:
          korean`한 회사가 매일 밤 EventBridge 일정으로 시작하는 ${job}을 서버리스로 옮기려고 합니다. ` +
          korean`작업 한 번은 약 ${minutes}분 동안 실행되며 중간에 나눌 수 없습니다. 운영 부담이 가장 적은 솔루션은 무엇입니까?`,
        choices: [
          option(
            "lambda",
            "EventBridge 일정으로 Lambda 함수를 호출하고 함수 제한 시간을 작업 시간에 맞춰 설정한다.",
            fits,
            korean`${minutes}분은 Lambda 최대 실행 시간 ${formatLimit(timeout)} 안이므로, 서버도 컨테이너도 관리하지 않는 Lambda가 가장 간단합니다.`,
            korean`Lambda 최대 실행 시간은 ${formatLimit(timeout)}입니다. ${minutes}분 작업은 중간에 강제로 끝납니다.`,
          ),
          option(
            "fargate",
            "ECS 작업 정의를 만들고 EventBridge 일정으로 Fargate 태스크를 실행한다.",
            !fits,
            korean`Fargate 태스크에는 실행 시간 제한이 없고 서버를 관리할 필요도 없습니다. ${minutes}분 작업은 Lambda 최대 ${formatLimit(timeout)}를 넘습니다.`,
            korean`동작은 하지만 컨테이너 이미지와 작업 정의를 관리해야 합니다. ${minutes}분 작업은 Lambda 한도(${formatLimit(timeout)}) 안이므로 Lambda가 더 간단합니다.`,
          ),
          wrong("ec2-cron", "EC2 인스턴스를 항상 켜 두고 cron으로 작업을 실행한다.", "인스턴스 패치·확장을 직접 관리해야 하고, 하루 대부분 유휴 상태인 인스턴스 비용을 냅니다."),
          wrong(
            "timeout-quota",
            "Service Quotas에서 Lambda 제한 시간 한도 증가를 요청한 뒤 Lambda로 실행한다.",
            korean`Lambda 최대 실행 시간 ${formatLimit(timeout)}는 늘릴 수 있는 할당량이 아니라 고정된 한도입니다.`,
          ),
        ],
      };
    },
  },
  {
    template: "memory",
    attributes: ["memory"],
    unit: "GB",
    values: [2, 6, 9, 12, 16, 32],
    domain: "performant",
    topics: ["lambda", "batch", "s3"],
    build(gigabytes, facts, index) {
      const memory = fact(facts, "memory");
      const fits = withinLimit(gigabytes, "GB", memory);
      const jobs = ["고해상도 위성 이미지를 분석하는", "대용량 PDF를 렌더링하는", "유전체 데이터 파일을 정렬하는", "3D 모델을 변환하는", "대형 엑셀 파일을 계산하는", "과학 시뮬레이션 결과를 후처리하는"];
      return {
        difficulty: gigabytes > 8 && gigabytes < 16 ? 2 : 1,
        stem:
          korean`S3에 파일이 올라올 때마다 ${jobs[index % jobs.length]} 처리를 실행해야 합니다. 처리 한 번은 2분 이내에 끝나지만 ` +
          korean`데이터 전체를 한 프로세스의 메모리에 올려야 하므로 메모리가 약 ${gigabytes}GB 필요합니다. 운영 부담이 가장 적은 솔루션은 무엇입니까?`,
        choices: [
          option(
            "lambda",
            korean`S3 이벤트로 Lambda 함수를 호출하고 함수 메모리를 ${gigabytes}GB 이상으로 설정한다.`,
            fits,
            korean`Lambda 메모리는 ${formatFact(memory)} 범위에서 설정할 수 있어 ${gigabytes}GB가 들어가고, CPU도 메모리에 비례해 늘어납니다.`,
            korean`Lambda 메모리 최대값은 ${formatLimit(memory)}입니다. ${gigabytes}GB는 설정할 수 없습니다.`,
          ),
          option(
            "batch",
            korean`S3 이벤트를 EventBridge로 받아 메모리 ${gigabytes}GB를 요청하는 AWS Batch 작업을 제출한다.`,
            !fits,
            korean`${gigabytes}GB는 Lambda 최대 메모리(${formatLimit(memory)})를 넘습니다. Batch는 필요한 메모리에 맞는 인스턴스를 골라 작업을 실행하고 서버를 관리할 필요가 없습니다.`,
            korean`동작은 하지만 컴퓨팅 환경과 작업 정의를 관리해야 합니다. ${gigabytes}GB는 Lambda 메모리 범위(${formatFact(memory)}) 안이므로 Lambda가 더 간단합니다.`,
          ),
          wrong(
            "tmp-as-memory",
            "Lambda의 /tmp 임시 스토리지를 최대로 늘려 모자라는 메모리 대신 쓴다.",
            "/tmp는 디스크입니다. 데이터를 한 프로세스의 메모리에 올려야 한다는 요구를 채우지 못합니다.",
          ),
          wrong(
            "split-functions",
            "작업을 Lambda 함수 두 개로 나눠 각 함수가 절반의 메모리를 쓰게 한다.",
            "데이터 전체를 한 프로세스의 메모리에 올려야 하므로 나눌 수 없습니다. 함수마다 메모리는 따로입니다.",
          ),
        ],
      };
    },
  },
  {
    template: "payload-sync",
    attributes: ["payload.sync", "payload.async"],
    unit: "MB",
    values: [0.5, 2, 5, 8, 15, 50],
    domain: "performant",
    topics: ["lambda", "api-gateway", "s3"],
    build(megabytes, facts) {
      const sync = fact(facts, "payload.sync");
      const asyncPayload = fact(facts, "payload.async");
      const fits = withinLimit(megabytes, "MB", sync);
      const shown = megabytes < 1 ? `${formatNumber(megabytes * 1024)}KB` : `${formatNumber(megabytes)}MB`;
      return {
        difficulty: megabytes > 4 && megabytes < 10 ? 2 : 1,
        stem:
          `모바일 앱이 API Gateway를 거쳐 Lambda 함수를 동기로 호출하면서 사진 파일을 요청 본문에 담아 보냅니다. ` +
          korean`요청 페이로드는 최대 ${shown}입니다. 코드 변경을 최소화하면서 모든 업로드를 처리하려면 어떻게 해야 합니까?`,
        choices: [
          option(
            "direct",
            "지금처럼 API Gateway를 통해 Lambda를 동기 호출하고 파일을 페이로드로 보낸다.",
            fits,
            korean`동기 호출 페이로드 한도는 요청·응답 각각 ${formatLimit(sync)}이므로 ${shown}는 그대로 처리됩니다. 바꿀 것이 없습니다.`,
            korean`동기 호출 페이로드 한도는 요청·응답 각각 ${formatLimit(sync)}입니다. ${shown} 요청은 거부됩니다.`,
          ),
          option(
            "presigned-s3",
            "Lambda가 S3 미리 서명된 URL을 발급하고, 앱은 파일을 S3에 직접 올린 뒤 객체 키만 Lambda에 보낸다.",
            !fits,
            korean`${shown}는 동기 페이로드 한도(${formatLimit(sync)})를 넘으므로 파일은 S3로 직접 올리고 Lambda에는 작은 객체 키만 보냅니다.`,
            korean`동작은 하지만 ${shown}는 동기 페이로드 한도(${formatLimit(sync)}) 안이므로 업로드 흐름을 바꿀 필요가 없습니다.`,
          ),
          wrong(
            "switch-async",
            "Lambda를 비동기(Event) 호출로 바꿔 더 큰 페이로드를 보낸다.",
            korean`비동기 호출 한도는 ${formatLimit(asyncPayload)}로 동기(${formatLimit(sync)})보다 작습니다. ${provenanceSentence(asyncPayload)}`,
          ),
          wrong("more-memory", "Lambda 함수 메모리를 늘려 더 큰 페이로드를 받는다.", "페이로드 한도는 메모리 설정과 관계없이 고정입니다."),
        ],
      };
    },
  },
  {
    template: "payload-async",
    attributes: ["payload.async"],
    unit: "KB",
    values: [100, 200, 300, 700, 900, 1536, 4096],
    domain: "resilient",
    topics: ["lambda", "s3"],
    build(kilobytes, facts) {
      const asyncPayload = fact(facts, "payload.async");
      const fits = withinLimit(kilobytes, "KB", asyncPayload);
      const shown = kilobytes >= 1024 ? `${formatNumber(kilobytes / 1024)}MB` : `${formatNumber(kilobytes)}KB`;
      const noteTrap = asyncPayload.disagreeing.length > 0 && fits && kilobytes > 256;
      return {
        difficulty: noteTrap ? 3 : 2,
        stem:
          korean`주문 서비스가 AWS SDK로 Lambda 함수를 비동기(InvocationType=Event)로 호출합니다. 이벤트 페이로드는 최대 ${shown}입니다. ` +
          `응답을 기다리지 않는 구조는 유지해야 합니다. 모든 이벤트가 처리되게 하려면 어떻게 해야 합니까?`,
        choices: [
          option(
            "direct",
            "지금처럼 페이로드를 담아 비동기로 호출한다.",
            fits,
            korean`비동기 호출 페이로드 한도는 ${formatLimit(asyncPayload)}이므로 ${shown} 이벤트는 그대로 처리됩니다. ${provenanceSentence(asyncPayload)}`,
            korean`비동기 호출 페이로드 한도는 ${formatLimit(asyncPayload)}입니다. ${shown} 이벤트는 호출 단계에서 거부됩니다.`,
          ),
          option(
            "s3-claim-check",
            "페이로드를 S3에 저장하고 객체 키만 담아 비동기로 호출한다.",
            !fits,
            korean`${shown}는 비동기 페이로드 한도(${formatLimit(asyncPayload)})를 넘으므로, 본문은 S3에 두고 키만 전달합니다. ${provenanceSentence(asyncPayload)}`,
            korean`동작은 하지만 ${shown}는 비동기 한도(${formatLimit(asyncPayload)}) 안이므로 S3를 거칠 필요가 없습니다. ${provenanceSentence(asyncPayload)}`,
          ),
          wrong("more-memory", "Lambda 함수 메모리를 늘린다.", "페이로드 한도는 메모리와 관계없습니다."),
          wrong(
            "dlq",
            "배달 못한 편지 대기열(DLQ)을 설정해 한도를 넘는 이벤트를 나중에 다시 처리한다.",
            "한도를 넘는 페이로드는 호출 자체가 거부되어 대기열에 들어가지 않습니다. DLQ는 실행에 실패한 이벤트를 위한 것입니다.",
          ),
        ],
      };
    },
  },
  {
    template: "package-zipped",
    attributes: ["package.zipped", "package.unzipped"],
    unit: "MB",
    values: [12, 35, 48, 70, 120],
    domain: "performant",
    topics: ["lambda", "s3"],
    build(zipped, facts) {
      const direct = fact(facts, "package.zipped");
      const unzippedLimit = fact(facts, "package.unzipped");
      const fits = withinLimit(zipped, "MB", direct);
      // The unzipped size always stays inside the unzipped limit so that only the upload path varies.
      const unzipped = Math.min(zipped * 2, Math.floor(limitOf(unzippedLimit) * 0.9));
      return {
        difficulty: 2,
        stem:
          korean`개발 팀이 Lambda 함수의 zip 배포 패키지를 만들었습니다. 압축한 크기는 ${zipped}MB, 압축을 푼 크기는 ${unzipped}MB입니다. ` +
          `zip 배포 방식은 유지해야 합니다. 추가 구성이 가장 적은 배포 방법은 무엇입니까?`,
        choices: [
          option(
            "direct-upload",
            "zip 파일을 콘솔이나 CLI로 Lambda에 직접 업로드한다.",
            fits,
            korean`직접 업로드 한도는 ${formatLimit(direct)}(zip)이므로 ${zipped}MB는 그대로 올릴 수 있습니다.`,
            korean`직접 업로드할 수 있는 zip은 ${formatLimit(direct)} 까지입니다. ${zipped}MB는 거부됩니다.`,
          ),
          option(
            "via-s3",
            "zip 파일을 S3 버킷에 올리고 S3 위치를 지정해 함수 코드를 업데이트한다.",
            !fits,
            korean`${zipped}MB는 직접 업로드 한도(${formatLimit(direct)})를 넘지만, S3를 거치면 압축 해제 한도(${formatLimit(unzippedLimit)}) 안에서 배포할 수 있습니다.`,
            korean`동작은 하지만 ${zipped}MB는 직접 업로드 한도(${formatLimit(direct)}) 안이므로 S3 버킷이 필요 없습니다.`,
          ),
          wrong("more-memory", "함수 메모리를 늘려 배포 패키지 한도를 높인다.", "배포 패키지 한도는 메모리와 관계없습니다."),
          wrong("quota", "Service Quotas에서 배포 패키지 크기 한도 증가를 요청한다.", "배포 패키지 크기는 늘릴 수 없는 고정 한도입니다."),
        ],
      };
    },
  },
  {
    template: "package-unzipped",
    attributes: ["package.unzipped", "package.image"],
    unit: "MB",
    values: [120, 230, 400, 1500, 6000, 15360],
    domain: "performant",
    topics: ["lambda", "ecr", "fargate"],
    build(megabytes, facts) {
      const unzipped = fact(facts, "package.unzipped");
      const image = fact(facts, "package.image");
      const zipFits = withinLimit(megabytes, "MB", unzipped);
      const imageFits = withinLimit(megabytes, "MB", image);
      const shown = size(megabytes);
      return {
        difficulty: zipFits ? 1 : imageFits ? 2 : 3,
        stem:
          korean`추론 API를 Lambda로 옮기려고 합니다. 요청 하나는 몇 초 안에 끝납니다. 함수 코드와 라이브러리, 모델 파일을 합친 크기(압축 해제 기준)가 ${shown}이고, ` +
          `모델은 외부 저장소에서 읽지 않고 코드와 함께 한 배포 단위로 묶어야 합니다. 가장 적합한 방법은 무엇입니까?`,
        choices: [
          option(
            "zip",
            "zip 배포 패키지(필요하면 레이어 포함)로 Lambda에 배포한다.",
            zipFits,
            korean`압축 해제 기준 ${shown}는 zip 패키지 한도(${formatLimit(unzipped)}, 레이어 포함) 안이므로 가장 간단한 zip 배포가 맞습니다.`,
            korean`zip 패키지는 압축 해제 기준 ${formatLimit(unzipped)}(레이어 포함)까지입니다. ${shown}는 넘습니다.`,
          ),
          option(
            "container-image",
            "컨테이너 이미지로 패키징해 ECR에 올리고 Lambda 함수로 배포한다.",
            !zipFits && imageFits,
            korean`${shown}는 zip 한도(${formatLimit(unzipped)})를 넘지만 Lambda 컨테이너 이미지 한도(${formatLimit(image)}) 안입니다.`,
            zipFits
              ? korean`동작은 하지만 ${shown}는 zip 한도(${formatLimit(unzipped)}) 안이므로 이미지 빌드와 ECR 관리가 필요 없습니다.`
              : korean`Lambda 컨테이너 이미지는 ${formatLimit(image)} 까지입니다. ${shown}는 넘습니다.`,
          ),
          option(
            "fargate",
            "컨테이너 이미지로 만들어 ALB 뒤의 ECS Fargate 서비스로 실행한다.",
            !imageFits,
            korean`${shown}는 Lambda 컨테이너 이미지 한도(${formatLimit(image)})도 넘으므로 Lambda로는 배포할 수 없습니다. Fargate는 서버 관리 없이 큰 이미지를 실행합니다.`,
            korean`동작은 하지만 항상 켜져 있는 태스크를 관리해야 합니다. ${shown}는 Lambda로 배포할 수 있는 크기입니다.`,
          ),
          wrong(
            "s3-bypass",
            "zip 파일을 S3를 통해 배포해 압축 해제 크기 한도를 우회한다.",
            korean`S3를 거치면 직접 업로드 한도만 피할 뿐, 압축 해제 한도(${formatLimit(unzipped)})는 그대로입니다.`,
          ),
        ],
      };
    },
  },
  {
    template: "ephemeral-storage",
    attributes: ["ephemeral-storage"],
    unit: "MB",
    values: [300, 2048, 6144, 9216, 20480, 102400],
    domain: "cost",
    topics: ["lambda", "efs"],
    build(megabytes, facts) {
      const storage = fact(facts, "ephemeral-storage");
      const fitsDefault = withinLimit(megabytes, "MB", { ...storage, valueMax: null });
      const fitsMax = withinLimit(megabytes, "MB", storage);
      const shown = size(megabytes);
      return {
        difficulty: fitsDefault ? 1 : fitsMax ? 2 : 2,
        stem:
          korean`Lambda 함수가 실행 중에 임시 파일을 최대 ${shown}만큼 /tmp에 씁니다. 파일은 실행이 끝나면 필요 없고 다른 함수와 공유하지 않습니다. ` +
          `요구 사항을 충족하는 가장 간단하고 비용 효율적인 구성은 무엇입니까?`,
        choices: [
          option(
            "default",
            "기본 /tmp 크기를 그대로 쓴다.",
            fitsDefault,
            korean`기본 /tmp는 ${formatQuantity(storage.value, storage.unit)}이므로 ${shown}는 추가 구성 없이 들어갑니다.`,
            korean`기본 /tmp는 ${formatQuantity(storage.value, storage.unit)} 뿐입니다. ${shown}는 들어가지 않습니다.`,
          ),
          option(
            "configure",
            korean`함수의 임시 스토리지(/tmp) 크기를 ${shown} 이상으로 늘린다.`,
            !fitsDefault && fitsMax,
            korean`/tmp는 ${formatFact(storage)} 범위에서 설정할 수 있어 ${shown}를 담을 수 있습니다. ${provenanceSentence(storage)}`,
            fitsDefault
              ? korean`동작은 하지만 기본 ${formatQuantity(storage.value, storage.unit)}로 충분하므로 늘린 만큼 비용만 더 냅니다.`
              : korean`/tmp는 최대 ${formatLimit(storage)} 까지만 늘릴 수 있습니다. ${provenanceSentence(storage)}`,
          ),
          option(
            "efs",
            "Amazon EFS 파일 시스템을 Lambda 함수에 탑재해 임시 파일을 쓴다.",
            !fitsMax,
            korean`${shown}는 /tmp 최대값(${formatLimit(storage)})을 넘으므로 크기 제한이 사실상 없는 EFS를 탑재합니다.`,
            korean`동작은 하지만 VPC 구성과 EFS 요금이 더 듭니다. ${shown}는 /tmp(최대 ${formatLimit(storage)})로 충분합니다.`,
          ),
          wrong("memory", "함수 메모리를 늘리면 /tmp도 같이 늘어나므로 메모리를 늘린다.", "/tmp 크기는 메모리와 따로 설정합니다."),
        ],
      };
    },
  },
  {
    template: "env-vars",
    attributes: ["env-vars"],
    unit: "KB",
    values: [1, 3, 6, 12, 40],
    domain: "secure",
    topics: ["lambda", "ssm"],
    build(kilobytes, facts) {
      const env = fact(facts, "env-vars");
      const fits = withinLimit(kilobytes, "KB", env);
      return {
        difficulty: 2,
        stem:
          korean`Lambda 함수가 쓰는 구성 값(비밀이 아닌 기능 플래그와 설정)의 크기가 합계 약 ${kilobytes}KB입니다. ` +
          `값은 배포할 때만 바뀝니다. 가장 간단하게 함수에 구성 값을 전달하는 방법은 무엇입니까?`,
        choices: [
          option(
            "env-vars",
            "Lambda 환경 변수에 구성 값을 넣는다.",
            fits,
            korean`환경 변수는 합계 ${formatLimit(env)}까지 쓸 수 있어 ${kilobytes}KB는 그대로 들어갑니다.`,
            korean`환경 변수는 합계 ${formatLimit(env)} 까지입니다. ${kilobytes}KB는 저장할 수 없습니다.`,
          ),
          option(
            "parameter-store",
            "Systems Manager Parameter Store에 구성 값을 저장하고 함수가 시작할 때 읽어 캐시한다.",
            !fits,
            korean`${kilobytes}KB는 환경 변수 한도(${formatLimit(env)})를 넘으므로 Parameter Store에 두고 읽습니다.`,
            korean`동작은 하지만 ${kilobytes}KB는 환경 변수 한도(${formatLimit(env)}) 안이므로 API 호출과 권한 설정이 필요 없습니다.`,
          ),
          wrong("layer", "구성 값을 Lambda 레이어의 환경 변수로 옮긴다.", "레이어는 코드와 라이브러리를 담을 뿐, 환경 변수를 따로 갖지 않습니다."),
          wrong("memory", "함수 메모리를 늘려 환경 변수 한도를 높인다.", "환경 변수 한도는 메모리와 관계없는 고정 한도입니다."),
        ],
      };
    },
  },
  {
    template: "concurrency",
    attributes: ["concurrency.account"],
    unit: "count",
    values: [200, 600, 900, 1500, 3000],
    domain: "resilient",
    topics: ["lambda"],
    build(concurrency, facts) {
      const account = fact(facts, "concurrency.account");
      const fits = withinLimit(concurrency, "count", account);
      return {
        difficulty: 2,
        stem:
          korean`한 리전에서 운영하는 모든 Lambda 함수의 동시 실행 수가 최대 시점에 합계 약 ${formatNumber(concurrency)}로 예상됩니다. ` +
          `요청은 대기 없이 즉시 처리해야 하며 계정의 동시 실행 한도는 기본값입니다. 가장 적절한 조치는 무엇입니까?`,
        choices: [
          option(
            "nothing",
            "기본 한도로 충분하므로 한도 관련 조치는 필요 없다.",
            fits,
            korean`계정 동시 실행 한도는 리전당 기본 ${formatNumber(limitOf(account))}이므로 ${formatNumber(concurrency)}는 그 안입니다.`,
            korean`리전당 기본 동시 실행 한도는 ${formatNumber(limitOf(account))}입니다. ${formatNumber(concurrency)}에서는 초과 요청이 스로틀링됩니다.`,
          ),
          option(
            "quota-increase",
            "Service Quotas에서 리전의 Lambda 동시 실행 한도 증가를 요청한다.",
            !fits,
            korean`기본 ${formatNumber(limitOf(account))}는 늘릴 수 있는 할당량입니다. ${formatNumber(concurrency)}를 즉시 처리하려면 증가를 요청합니다.`,
            korean`${formatNumber(concurrency)}는 기본 한도(${formatNumber(limitOf(account))}) 안이므로 증가 요청이 필요 없습니다.`,
          ),
          wrong(
            "provisioned",
            "프로비저닝된 동시성을 설정해 계정 한도와 별개의 동시성을 추가로 얻는다.",
            "프로비저닝된 동시성도 계정 동시 실행 한도 안에서 할당됩니다. 한도를 늘리지 않습니다.",
          ),
          wrong("sqs-buffer", "요청을 SQS 대기열에 넣고 Lambda가 천천히 처리하게 한다.", "대기 없이 즉시 처리해야 한다는 요구 사항을 어깁니다."),
        ],
      };
    },
  },
];

function paramsKey(value: number, unit: string): string {
  return `${String(value).replace(".", "p")}${unit === "count" ? "" : unit.toLowerCase()}`;
}

export function resolveLambdaFacts(facts: readonly FactInput[], reference: ReferenceIndex, attributes: readonly string[]): Facts | null {
  const resolved: Facts = {};
  for (const attribute of attributes) {
    const found = resolveFact(facts, reference, "lambda", attribute);
    if (!found) return null;
    resolved[attribute] = found;
  }
  return resolved;
}

export function generateLambdaLimitQuestions(facts: readonly FactInput[], reference: ReferenceIndex, seed: number): GeneratedQuestion[] {
  const questions: GeneratedQuestion[] = [];
  for (const dimension of LIMIT_DIMENSIONS) {
    const resolved = resolveLambdaFacts(facts, reference, dimension.attributes);
    if (!resolved) continue;
    const used = dimension.attributes.map((attribute) => resolved[attribute] ?? null);
    const primary = used[0] ?? null;
    dimension.values.forEach((value, index) => {
      const scenario = dimension.build(value, resolved, index);
      questions.push(
        finishQuestion(
          {
            id: generatedId(LAMBDA_GENERATOR, dimension.template, paramsKey(value, dimension.unit)),
            generator: LAMBDA_GENERATOR,
            template: dimension.template,
            params: { value, unit: dimension.unit },
            type: "single",
            domain: dimension.domain,
            topics: dimension.topics,
            difficulty: scenario.difficulty,
            stem: scenario.stem,
            choices: scenario.choices,
            general: primary ? `${primary.label}: ${formatFact(primary)}. ${provenanceSentence(primary)}` : "",
            sources: sourcesOf(used),
            references: referenceIdsOf(used),
            factIds: factIdsOf(used),
          },
          seed,
        ),
      );
    });
  }
  return questions;
}

// Multiple response: five workloads, the ones that exceed a hard Lambda maximum are correct.
// "Fits" here means some Lambda configuration runs it (/tmp up to its maximum, container images
// up to their limit), so the question tests the hard ceilings only.
export interface Workload {
  attribute: string;
  value: number;
  unit: string;
  text: string;
  alternative: string;
}

const workload = (attribute: string, value: number, unit: string, text: string, alternative: string): Workload => ({ attribute, value, unit, text, alternative });

const WORKLOADS = {
  timeout: (minutes: number) => workload("timeout.max", minutes, "min", korean`한 번에 ${minutes}분 동안 멈추지 않고 실행되는 배치 작업`, "ECS Fargate 태스크나 AWS Batch"),
  memory: (gigabytes: number) => workload("memory", gigabytes, "GB", korean`메모리 ${gigabytes}GB를 한 프로세스에서 쓰는 이미지 분석`, "AWS Batch나 메모리 최적화 EC2"),
  sync: (megabytes: number) => workload("payload.sync", megabytes, "MB", korean`요청 본문이 ${megabytes}MB인 동기 API 호출`, "S3 미리 서명된 URL 업로드"),
  async: (kilobytes: number) =>
    workload("payload.async", kilobytes, "KB", korean`페이로드가 ${kilobytes >= 1024 ? `${formatNumber(kilobytes / 1024)}MB` : `${kilobytes}KB`}인 비동기 이벤트`, "S3에 본문을 두고 키만 전달"),
  tmp: (megabytes: number) => workload("ephemeral-storage", megabytes, "MB", korean`임시 파일을 ${size(megabytes)} 쓰는 파일 변환 작업`, "EFS 탑재"),
  image: (megabytes: number) => workload("package.image", megabytes, "MB", korean`압축 해제 크기가 ${size(megabytes)}인 컨테이너 이미지 함수`, "ECS Fargate"),
  env: (kilobytes: number) => workload("env-vars", kilobytes, "KB", korean`환경 변수 합계가 ${kilobytes}KB인 함수 설정`, "Parameter Store"),
};

export const WORKLOAD_SETS: Record<string, Workload[]> = {
  set1: [WORKLOADS.timeout(10), WORKLOADS.timeout(40), WORKLOADS.memory(8), WORKLOADS.sync(12), WORKLOADS.tmp(4096)],
  set2: [WORKLOADS.memory(16), WORKLOADS.async(500), WORKLOADS.tmp(30720), WORKLOADS.timeout(14), WORKLOADS.env(2)],
  set3: [WORKLOADS.async(2048), WORKLOADS.image(8192), WORKLOADS.env(8), WORKLOADS.memory(9), WORKLOADS.timeout(5)],
  set4: [WORKLOADS.image(12288), WORKLOADS.timeout(12), WORKLOADS.sync(3), WORKLOADS.tmp(9216), WORKLOADS.memory(20)],
  set5: [WORKLOADS.timeout(30), WORKLOADS.async(800), WORKLOADS.env(5), WORKLOADS.sync(7), WORKLOADS.tmp(512)],
  set6: [WORKLOADS.env(3), WORKLOADS.image(4096), WORKLOADS.async(300), WORKLOADS.timeout(25), WORKLOADS.memory(12)],
};

export function generateLambdaFitQuestions(facts: readonly FactInput[], reference: ReferenceIndex, seed: number): GeneratedQuestion[] {
  const questions: GeneratedQuestion[] = [];
  for (const [setKey, workloads] of Object.entries(WORKLOAD_SETS)) {
    const attributes = [...new Set(workloads.map((item) => item.attribute))];
    const resolved = resolveLambdaFacts(facts, reference, attributes);
    if (!resolved) continue;
    const choices: ChoiceDraft[] = workloads.map((item) => {
      const limit = fact(resolved, item.attribute);
      const fits = withinLimit(item.value, item.unit, limit);
      const note = limit.disagreeing.length > 0 ? ` ${provenanceSentence(limit)}` : "";
      return fits
        ? wrong(`fits:${item.attribute}:${item.value}`, item.text, korean`${limit.label} 한도(${formatLimit(limit)}) 안이므로 Lambda로 실행할 수 있습니다.${note}`)
        : right(`exceeds:${item.attribute}:${item.value}`, item.text, korean`${limit.label} 한도(${formatLimit(limit)})를 넘습니다. 대안: ${item.alternative}.${note}`);
    });
    const count = choices.filter((choice) => choice.correct).length;
    // A multiple-response question needs at least two right and one wrong answer.
    if (count < 2 || count > choices.length - 1) continue;
    const used = attributes.map((attribute) => resolved[attribute] ?? null);
    questions.push(
      finishQuestion(
        {
          id: generatedId("lambda-fit", "mixed", setKey),
          generator: "lambda-fit",
          template: "mixed",
          params: { set: setKey },
          type: "multiple",
          domain: "performant",
          topics: ["lambda"],
          difficulty: 3,
          stem: korean`다음 워크로드 중 Lambda 한도 때문에 Lambda 함수로 실행할 수 없는 것은 무엇입니까? (${count}개를 고르시오.)`,
          choices,
          general: used.map((item) => (item ? `${item.label}: ${formatFact(item)}` : "")).filter(Boolean).join(" · "),
          sources: sourcesOf(used),
          references: referenceIdsOf(used),
          factIds: factIdsOf(used),
        },
        seed,
      ),
    );
  }
  return questions;
}
