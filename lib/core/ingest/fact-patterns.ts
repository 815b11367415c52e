// The fact table: which numbers in a note are which AWS limits. This is data, not logic; the
// matcher in facts.ts is generic. A pattern applies to a quantity when
//   - its service is the section's service, an ancestor section's, or named in the line (or in
//     the list items the line sits in); "*" means "whatever service the section is about",
//   - its `subject` words occur near the number (same clause: strongest), earlier in the line, or
//     in an enclosing list item's lead-in ("- 배포" above "- 비압축 … 250MB"),
//   - its `qualifier` occurs in the number's own clause and its `exclude` does not,
//   - its `when` occurs anywhere around (headings, lead-ins, the line),
//   - the number's unit belongs to the pattern's unit family (bare numbers only with `bare`).
// The best-scoring pattern wins. `attribute` equals the attribute in
// content/reference/aws-facts.json wherever the reference has the same fact, so the reference
// lint can compare the two. `keywords` feed search ("람다 타임아웃" must reach the timeout).
//
// Claims are statements rather than numbers: a regex over the line that captures a known
// misconception (e.g. "ALB routes on cookies"); each names the reference fact that corrects it.
// List counts count the items of a section's list ("라우팅 정책" with 7 bullet points → 7).

export interface QuantityPattern {
  kind: "quantity";
  service: string;
  attribute: string;
  label: string;
  unit: string;
  subject?: string;
  qualifier?: string;
  exclude?: string;
  when?: string;
  bare?: boolean;
  /** Facts whose value can only go stale (counts of regions…): flag against this reference fact whenever they appear. */
  staleAgainst?: string;
  keywords: string;
}

export interface ClaimPattern {
  kind: "claim";
  service: string;
  attribute: string;
  label: string;
  claim: string;
  exclude?: string;
  /** Reference fact id (aws-facts.json) that contradicts the claim. */
  reference: string;
  keywords: string;
}

export interface ListCountPattern {
  kind: "list-count";
  service: string;
  attribute: string;
  label: string;
  heading: string;
  item: string;
  keywords: string;
}

export type FactPattern = QuantityPattern | ClaimPattern | ListCountPattern;

const TIMEOUT = String.raw`타임\s?아웃|timeout|제한\s?시간|시간이?\s?제한|실행\s?시간|최대\s?실행|max(?:imum)?\s?(?:execution|duration)`;
const PACKAGE = String.raw`배포|패키지|package|deployment|zip`;
const UNZIPPED = String.raw`비압축|압축\s?(?:해제|풀)|unzip|uncompress|extracted`;
const PAYLOAD = String.raw`페이로드|payload|호출|invocation|요청|응답|request|response`;

export const FACT_PATTERNS: readonly FactPattern[] = [
  // AWS Lambda
  { kind: "quantity", service: "lambda", attribute: "timeout.max", label: "Lambda 최대 실행 시간", unit: "s", subject: TIMEOUT, exclude: String.raw`기본|default`, keywords: "타임아웃 제한 시간 최대 실행 시간 timeout 15분" },
  { kind: "quantity", service: "lambda", attribute: "timeout.default", label: "Lambda 기본 제한 시간", unit: "s", subject: TIMEOUT, qualifier: String.raw`기본|default`, keywords: "기본 타임아웃 default timeout" },
  { kind: "quantity", service: "lambda", attribute: "memory", label: "Lambda 메모리", unit: "MB", subject: String.raw`메모리|memory|RAM`, exclude: String.raw`/tmp|임시|ephemeral|이미지|image|스토리지|storage`, keywords: "메모리 RAM memory 용량" },
  { kind: "quantity", service: "lambda", attribute: "ephemeral-storage", label: "Lambda /tmp 임시 스토리지", unit: "MB", subject: String.raw`/tmp|임시\s?(?:저장|스토리지)|ephemeral`, keywords: "/tmp 임시 스토리지 저장소 ephemeral storage" },
  { kind: "quantity", service: "lambda", attribute: "concurrency.account", label: "Lambda 계정 동시 실행 한도", unit: "count", subject: String.raw`동시\s?(?:실행|성|처리)|동시에\s?실행|concurren`, exclude: String.raw`예약|reserved|프로비저닝|provisioned`, bare: true, keywords: "동시 실행 동시성 concurrency 스로틀링 throttling 한도" },
  { kind: "quantity", service: "lambda", attribute: "package.zipped", label: "Lambda 배포 패키지(zip)", unit: "MB", subject: PACKAGE, exclude: `${UNZIPPED}|이미지|image|컨테이너|container`, keywords: "배포 패키지 크기 zip 압축 deployment package" },
  { kind: "quantity", service: "lambda", attribute: "package.unzipped", label: "Lambda 배포 패키지(압축 해제)", unit: "MB", subject: `${PACKAGE}|코드|code`, qualifier: UNZIPPED, keywords: "배포 패키지 압축 해제 비압축 unzipped 레이어" },
  { kind: "quantity", service: "lambda", attribute: "package.image", label: "Lambda 컨테이너 이미지 크기", unit: "GB", subject: String.raw`이미지|image`, when: String.raw`컨테이너|container`, keywords: "컨테이너 이미지 크기 container image" },
  { kind: "quantity", service: "lambda", attribute: "payload.sync", label: "Lambda 동기 호출 페이로드", unit: "MB", subject: PAYLOAD, qualifier: String.raw`(?<!비)동기|(?<!a)sync|RequestResponse`, exclude: String.raw`비동기|async|event|이벤트`, keywords: "동기 호출 페이로드 payload synchronous 요청 응답" },
  { kind: "quantity", service: "lambda", attribute: "payload.async", label: "Lambda 비동기 호출 페이로드", unit: "KB", subject: PAYLOAD, qualifier: String.raw`비동기|async|event|이벤트`, keywords: "비동기 호출 페이로드 payload asynchronous 이벤트" },
  { kind: "quantity", service: "lambda", attribute: "env-vars", label: "Lambda 환경 변수 총 크기", unit: "KB", subject: String.raw`환경\s?변수|environment\s?variables?|env\s?vars?`, keywords: "환경 변수 environment variables 크기" },
  { kind: "quantity", service: "lambda", attribute: "async.retries", label: "Lambda 비동기 호출 재시도", unit: "count", subject: String.raw`재시도|retr(?:y|ies)`, keywords: "재시도 retry 비동기 실패 DLQ" },
  { kind: "quantity", service: "lambda", attribute: "pricing.duration", label: "Lambda 실행 시간 요금(1달러당 GB-초)", unit: "GB-s", qualifier: String.raw`당|per`, exclude: String.raw`무료|free|프리`, keywords: "요금 과금 가격 GB-초 pricing" },
  { kind: "quantity", service: "lambda", attribute: "pricing.free-duration", label: "Lambda 월 무료 실행 시간", unit: "GB-s", subject: String.raw`무료|free|프리\s?티어`, keywords: "프리 티어 무료 free tier GB-초" },
  { kind: "quantity", service: "lambda", attribute: "pricing.free-requests", label: "Lambda 월 무료 요청 수", unit: "count", subject: String.raw`무료|free|프리\s?티어`, qualifier: String.raw`요청|실행\s?횟수|requests?`, bare: true, keywords: "프리 티어 무료 요청 free tier requests" },
  { kind: "quantity", service: "lambda", attribute: "pricing.requests", label: "Lambda 요청 요금(100만 건당)", unit: "usd", subject: String.raw`요청|request`, qualifier: String.raw`백만|million|1M`, keywords: "요청 요금 가격 pricing requests" },
  { kind: "claim", service: "lambda", attribute: "throttling", label: "동시성 한도 초과 시 동작", claim: String.raw`ThrottlingException`, reference: "lambda-throttling", keywords: "스로틀링 throttling 동시성 초과 429" },

  // RDS, RDS Proxy, Aurora
  { kind: "claim", service: "rds-proxy", attribute: "failover", label: "RDS Proxy 장애 조치 효과", claim: String.raw`\d+\s?%\s?(?:의\s?)?실패\s?감소`, reference: "rds-proxy-failover", keywords: "RDS Proxy 프록시 장애 조치 failover 커넥션" },
  { kind: "quantity", service: "rds", attribute: "failover.time", label: "RDS 다중 AZ 장애 조치 시간", unit: "s", subject: String.raw`장애\s?조치|failover|전환`, keywords: "장애 조치 failover 다중 AZ Multi-AZ 전환 시간" },
  { kind: "quantity", service: "aurora", attribute: "storage.max", label: "Aurora 최대 스토리지", unit: "TB", subject: String.raw`스토리지|storage|볼륨|확장|까지`, exclude: String.raw`단위|increment|씩`, keywords: "스토리지 최대 용량 storage 자동 확장" },
  { kind: "quantity", service: "aurora", attribute: "storage.increment", label: "Aurora 스토리지 증가 단위", unit: "GB", subject: String.raw`증가|확장|grow`, qualifier: String.raw`단위|increment|씩`, keywords: "스토리지 증가 단위 세그먼트 10GB" },
  { kind: "quantity", service: "aurora", attribute: "replicas.max", label: "Aurora 읽기 복제본 수", unit: "count", subject: String.raw`복제본|replicas?`, keywords: "읽기 전용 복제본 read replica 최대" },
  { kind: "quantity", service: "aurora", attribute: "storage.azs", label: "Aurora 스토리지 복제 AZ 수", unit: "count", subject: String.raw`AZ|가용\s?영역|availability zones?`, keywords: "AZ 가용 영역 복제" },

  // DynamoDB, DAX, Kinesis
  { kind: "quantity", service: "dynamodb", attribute: "item.size", label: "DynamoDB 항목 최대 크기", unit: "KB", subject: String.raw`아이템|항목|items?`, keywords: "아이템 항목 크기 item size 400KB" },
  { kind: "quantity", service: "dynamodb", attribute: "pitr.retention", label: "DynamoDB PITR 복구 기간", unit: "day", when: String.raw`PITR|특정\s?시점|point[- ]in[- ]time|지속적(?:으로)?\s?백업|continuous backup`, keywords: "PITR 특정 시점 복구 백업 보존 기간 point-in-time" },
  { kind: "quantity", service: "dynamodb", attribute: "streams.retention", label: "DynamoDB Streams 보존 기간", unit: "h", subject: String.raw`보존|보관|retention|유지`, when: String.raw`stream|스트림`, keywords: "DynamoDB Streams 스트림 보존 기간 retention" },
  { kind: "quantity", service: "kinesis", attribute: "retention.max", label: "Kinesis Data Streams 최대 보존 기간", unit: "h", subject: String.raw`보존|보관|retention|유지`, keywords: "Kinesis 키네시스 데이터 스트림 보존 기간 retention" },
  { kind: "quantity", service: "dax", attribute: "cache.ttl.default", label: "DAX 기본 캐시 TTL", unit: "s", subject: String.raw`캐시\s?(?:타임|시간)|TTL|cache|캐시`, keywords: "DAX 캐시 TTL 기본 캐시 시간" },

  // VPC
  { kind: "quantity", service: "vpc", attribute: "quota.vpcs-per-region", label: "리전당 VPC 수", unit: "count", subject: String.raw`리전\s?당\s?VPC|VPCs?\s?per\s?region`, bare: true, keywords: "리전당 VPC 수 한도 quota" },
  { kind: "quantity", service: "vpc", attribute: "quota.subnets-per-vpc", label: "VPC당 서브넷 수", unit: "count", subject: String.raw`VPC\s?당\s?서브넷|subnets?\s?per\s?VPC`, bare: true, keywords: "VPC당 서브넷 수 한도 quota" },
  { kind: "quantity", service: "subnet", attribute: "reserved-addresses", label: "서브넷 예약 IP 수", unit: "count", subject: String.raw`예약|reserved`, when: String.raw`서브넷|subnet|/\d\d`, keywords: "서브넷 예약 IP 주소 reserved addresses" },
  { kind: "quantity", service: "vpc", attribute: "cidr.vpc", label: "VPC CIDR 블록 크기", unit: "cidr", subject: String.raw`VPC`, exclude: String.raw`서브넷|subnet`, keywords: "VPC CIDR 블록 크기 /16" },
  { kind: "quantity", service: "subnet", attribute: "cidr.subnet", label: "서브넷 CIDR 블록 크기", unit: "cidr", subject: String.raw`서브넷|subnets?`, keywords: "서브넷 CIDR 블록 크기 /24" },

  // Storage, networking, global infrastructure
  { kind: "quantity", service: "s3", attribute: "durability", label: "S3 내구성", unit: "percent", subject: String.raw`내구성|durability|안정성`, keywords: "S3 내구성 durability 11 nines" },
  { kind: "claim", service: "security-group", attribute: "change-after-launch", label: "인스턴스 보안 그룹 변경", claim: String.raw`(?:시작|실행|launch)\S*\s?(?:한\s?)?(?:이후|후|after)[^.]{0,40}?변경\s?(?:불가|할\s?수\s?없|못)|cannot\s+(?:be\s+)?chang\w*[^.]{0,30}after\s+launch`, reference: "security-group-change", keywords: "보안 그룹 변경 security group" },
  { kind: "claim", service: "alb", attribute: "rule-conditions", label: "ALB 리스너 규칙 조건", claim: String.raw`쿠키\s?(?:값\s?)?기반\s?(?:의\s?)?라우팅|cookie[- ]based\s+routing|route\w*\s+(?:on|by)\s+cookies?`, reference: "alb-rule-conditions", keywords: "ALB 라우팅 규칙 조건 쿠키 rule conditions" },
  { kind: "list-count", service: "route53", attribute: "routing-policies", label: "Route 53 라우팅 정책 수", heading: String.raw`라우팅\s?정책|routing\s?polic`, item: String.raw`라우팅|routing|정책|polic`, keywords: "Route 53 라우팅 정책 가중치 지연 시간 장애 조치 routing policy" },
  { kind: "claim", service: "elasticache", attribute: "engines", label: "ElastiCache 엔진", claim: String.raw`Redis\s?(?:또는|or|와|과|/|,|및)\s?Memcached|Memcached\s?(?:또는|or|와|과|/|,|및)\s?Redis`, exclude: String.raw`Valkey`, reference: "elasticache-engines", keywords: "ElastiCache 엔진 Redis Memcached Valkey" },
  { kind: "quantity", service: "regions-azs", attribute: "count.regions", label: "AWS 리전 수", unit: "count", subject: String.raw`리전|regions?`, staleAgainst: "aws-regions-azs", keywords: "리전 수 region" },
  { kind: "quantity", service: "regions-azs", attribute: "count.azs", label: "AWS 가용 영역 수", unit: "count", subject: String.raw`가용\s?영역|AZs?|availability\s?zones?`, staleAgainst: "aws-regions-azs", keywords: "가용 영역 수 AZ availability zone" },
  { kind: "quantity", service: "cloudfront", attribute: "count.pops", label: "CloudFront PoP 수", unit: "count", subject: String.raw`PoP|Point\s?of\s?Presence|엣지\s?로케이션|edge\s?locations?`, keywords: "CloudFront 엣지 로케이션 PoP" },
  { kind: "quantity", service: "ec2", attribute: "discount.max", label: "EC2 약정 최대 할인율", unit: "percent", subject: String.raw`할인|discount|savings?`, keywords: "EC2 할인 Savings Plans 예약 인스턴스 Reserved" },
  { kind: "quantity", service: "*", attribute: "latency", label: "지연 시간", unit: "ms", subject: String.raw`지연\s?시간|latency|응답\s?시간`, keywords: "지연 시간 latency 밀리초" },
];

/** Lines worth handing back from the parse workers: they hold a number or trip a claim. */
export const FACT_LINE_TRIGGER = new RegExp(
  [String.raw`\d`, ...FACT_PATTERNS.filter((pattern): pattern is ClaimPattern => pattern.kind === "claim").map((pattern) => pattern.claim)].join("|"),
  "i",
);
