// The fact table: which numbers in a note are which AWS limits. This is data, not logic; the
// matcher in facts.ts is generic. A pattern applies to a quantity when
//   - its service is the section's service, an ancestor section's, or named in the line (or in
//     the list items the line sits in); "*" means "whatever service the section is about",
//   - its `subject` words occur near the number (same clause: strongest), earlier in the line, or
//     in an enclosing list item's lead-in ("- 배포" above "- 비압축 … 250MB"),
//   - its `qualifier` occurs in the number's own clause and its `exclude` does not,
//   - its `when` occurs anywhere around (headings, lead-ins, the line),
//   - the number's unit belongs to the pattern's unit family (bare numbers only with `bare`),
//   - and the sentence rules in FACT_CONTEXT let it through (see there): a service named in the
//     number's clause must be the pattern's; a per-unit clause ("리전당", "per VPC", "서브넷마다")
//     fits only a pattern whose `per` names that unit; a count followed by another counted noun
//     ("3개 AZ에 6개 사본") counts that noun, not the subject; steps ("1 MB 증분", "10GB 단위") fit
//     only `increment` patterns; parts of a sum ("처음 4개 + 마지막 1개") and estimates ("약 2분")
//     are no limit; scenario sentences ("회사가…") need a limit word in the clause; question stems
//     and answer options ("Q1.", "A.", "①") state nothing.
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
  /** Like `when`, but the pattern does not apply when it occurs around (headings, lead-ins, the line). */
  unless?: string;
  /** The units this limit is stated per ("리전|region" for VPCs per Region); without it a per-unit clause does not fit. */
  per?: string;
  /** Nouns a count of this pattern may be followed by besides its subject ("1,000개 함수를 동시에"). */
  counts?: string;
  /** The pattern is a step size ("10GB 단위"): only these take numbers marked as increments. */
  increment?: boolean;
  /** Stale counts at or above this value are current (30개 이상 리전): no stale flag. */
  currentFrom?: number;
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
  { kind: "quantity", service: "lambda", attribute: "memory", label: "Lambda 메모리", unit: "MB", subject: String.raw`메모리|memory|RAM`, per: String.raw`함수|functions?`, exclude: String.raw`/tmp|임시|ephemeral|이미지|image|스토리지|storage`, keywords: "메모리 RAM memory 용량" },
  { kind: "quantity", service: "lambda", attribute: "ephemeral-storage", label: "Lambda /tmp 임시 스토리지", unit: "MB", subject: String.raw`/tmp|임시\s?(?:저장|스토리지)|ephemeral`, keywords: "/tmp 임시 스토리지 저장소 ephemeral storage" },
  { kind: "quantity", service: "lambda", attribute: "concurrency.account", label: "Lambda 계정 동시 실행 한도", unit: "count", subject: String.raw`동시\s?(?:실행|성|처리)|동시에\s?실행|concurren`, per: String.raw`계정|account|리전|region`, counts: String.raw`함수|functions?|실행|executions?|요청|requests?`, exclude: String.raw`예약|reserved|프로비저닝|provisioned`, bare: true, keywords: "동시 실행 동시성 concurrency 스로틀링 throttling 한도" },
  { kind: "quantity", service: "lambda", attribute: "package.zipped", label: "Lambda 배포 패키지(zip)", unit: "MB", subject: PACKAGE, exclude: `${UNZIPPED}|이미지|image|컨테이너|container`, keywords: "배포 패키지 크기 zip 압축 deployment package" },
  { kind: "quantity", service: "lambda", attribute: "package.unzipped", label: "Lambda 배포 패키지(압축 해제)", unit: "MB", subject: `${PACKAGE}|코드|code`, qualifier: UNZIPPED, keywords: "배포 패키지 압축 해제 비압축 unzipped 레이어" },
  { kind: "quantity", service: "lambda", attribute: "package.image", label: "Lambda 컨테이너 이미지 크기", unit: "GB", subject: String.raw`이미지|image`, when: String.raw`컨테이너|container`, keywords: "컨테이너 이미지 크기 container image" },
  { kind: "quantity", service: "lambda", attribute: "payload.sync", label: "Lambda 동기 호출 페이로드", unit: "MB", subject: PAYLOAD, qualifier: String.raw`(?<!비)동기|(?<!a)sync|RequestResponse`, exclude: String.raw`비동기|async|event|이벤트`, keywords: "동기 호출 페이로드 payload synchronous 요청 응답" },
  { kind: "quantity", service: "lambda", attribute: "payload.async", label: "Lambda 비동기 호출 페이로드", unit: "KB", subject: PAYLOAD, qualifier: String.raw`비동기|async|event|이벤트`, keywords: "비동기 호출 페이로드 payload asynchronous 이벤트" },
  { kind: "quantity", service: "lambda", attribute: "layers.max", label: "Lambda 함수당 레이어 수", unit: "count", subject: String.raw`레이어|layers?`, per: String.raw`함수|functions?`, keywords: "Lambda 레이어 layer 함수당 5개" },
  { kind: "quantity", service: "lambda", attribute: "env-vars", label: "Lambda 환경 변수 총 크기", unit: "KB", subject: String.raw`환경\s?변수|environment\s?variables?|env\s?vars?`, keywords: "환경 변수 environment variables 크기" },
  { kind: "quantity", service: "lambda", attribute: "async.retries", label: "Lambda 비동기 호출 재시도", unit: "count", subject: String.raw`재시도|retr(?:y|ies)`, keywords: "재시도 retry 비동기 실패 DLQ" },
  { kind: "quantity", service: "lambda", attribute: "pricing.duration", label: "Lambda 실행 시간 요금(1달러당 GB-초)", unit: "GB-s", qualifier: String.raw`당|per`, per: String.raw`GB|초|달러|\$|seconds?`, exclude: String.raw`무료|free|프리`, keywords: "요금 과금 가격 GB-초 pricing" },
  { kind: "quantity", service: "lambda", attribute: "pricing.free-duration", label: "Lambda 월 무료 실행 시간", unit: "GB-s", subject: String.raw`무료|free|프리\s?티어`, keywords: "프리 티어 무료 free tier GB-초" },
  { kind: "quantity", service: "lambda", attribute: "pricing.free-requests", label: "Lambda 월 무료 요청 수", unit: "count", subject: String.raw`무료|free|프리\s?티어`, qualifier: String.raw`요청|실행\s?횟수|requests?`, bare: true, keywords: "프리 티어 무료 요청 free tier requests" },
  { kind: "quantity", service: "lambda", attribute: "pricing.requests", label: "Lambda 요청 요금(100만 건당)", unit: "usd", subject: String.raw`요청|request`, qualifier: String.raw`백만|million|1M`, per: String.raw`백만|million|1M|건|요청|requests?|단위`, keywords: "요청 요금 가격 pricing requests" },
  { kind: "claim", service: "lambda", attribute: "throttling", label: "동시성 한도 초과 시 동작", claim: String.raw`ThrottlingException`, reference: "lambda-throttling", keywords: "스로틀링 throttling 동시성 초과 429" },

  // RDS, RDS Proxy, Aurora
  { kind: "claim", service: "rds-proxy", attribute: "failover", label: "RDS Proxy 장애 조치 효과", claim: String.raw`\d+\s?%\s?(?:의\s?)?실패\s?감소`, reference: "rds-proxy-failover", keywords: "RDS Proxy 프록시 장애 조치 failover 커넥션" },
  { kind: "quantity", service: "rds", attribute: "failover.time", label: "RDS 다중 AZ 장애 조치 시간", unit: "s", subject: String.raw`장애\s?조치|failover|전환`, keywords: "장애 조치 failover 다중 AZ Multi-AZ 전환 시간" },
  { kind: "quantity", service: "aurora", attribute: "storage.max", label: "Aurora 최대 스토리지", unit: "TB", subject: String.raw`스토리지|storage|볼륨|확장|증가|grow|까지|최대`, per: String.raw`인스턴스|instances?|클러스터|clusters?|볼륨|volumes?|데이터베이스|database`, exclude: String.raw`단위|increment|씩`, keywords: "스토리지 최대 용량 storage 자동 확장" },
  { kind: "quantity", service: "aurora", attribute: "storage.increment", label: "Aurora 스토리지 증가 단위", unit: "GB", increment: true, subject: String.raw`증가|확장|grow`, qualifier: String.raw`단위|increment|씩`, keywords: "스토리지 증가 단위 세그먼트 10GB" },
  { kind: "quantity", service: "aurora", attribute: "replicas.max", label: "Aurora 읽기 복제본 수", unit: "count", subject: String.raw`복제본|replicas?`, keywords: "읽기 전용 복제본 read replica 최대" },
  { kind: "quantity", service: "aurora", attribute: "storage.copies", label: "Aurora 스토리지 사본 수", unit: "count", subject: String.raw`사본|복사본|copies|copy`, keywords: "Aurora 스토리지 사본 6개 복제" },
  { kind: "quantity", service: "aurora", attribute: "storage.azs", label: "Aurora 스토리지 복제 AZ 수", unit: "count", subject: String.raw`AZ|가용\s?영역|availability zones?`, keywords: "AZ 가용 영역 복제" },

  // DynamoDB, DAX, Kinesis
  { kind: "quantity", service: "dynamodb", attribute: "item.size", label: "DynamoDB 항목 최대 크기", unit: "KB", subject: String.raw`아이템|항목|items?`, keywords: "아이템 항목 크기 item size 400KB" },
  { kind: "quantity", service: "dynamodb", attribute: "pitr.retention", label: "DynamoDB PITR 복구 기간", unit: "day", when: String.raw`PITR|특정\s?시점|point[- ]in[- ]time|지속적(?:으로)?\s?백업|continuous backup`, keywords: "PITR 특정 시점 복구 백업 보존 기간 point-in-time" },
  { kind: "quantity", service: "dynamodb", attribute: "streams.retention", label: "DynamoDB Streams 보존 기간", unit: "h", subject: String.raw`보존|보관|retention|유지`, when: String.raw`stream|스트림`, keywords: "DynamoDB Streams 스트림 보존 기간 retention" },
  { kind: "quantity", service: "kinesis", attribute: "retention.max", label: "Kinesis Data Streams 최대 보존 기간", unit: "h", subject: String.raw`보존|보관|retention|유지`, exclude: String.raw`기본|default`, keywords: "Kinesis 키네시스 데이터 스트림 보존 기간 retention" },
  { kind: "quantity", service: "kinesis", attribute: "retention.default", label: "Kinesis Data Streams 기본 보존 기간", unit: "h", subject: String.raw`보존|보관|retention|유지`, qualifier: String.raw`기본|default`, keywords: "Kinesis 기본 보존 기간 24시간" },
  { kind: "quantity", service: "dax", attribute: "cache.ttl.default", label: "DAX 기본 캐시 TTL", unit: "s", subject: String.raw`캐시\s?(?:타임|시간)|TTL|cache|캐시`, keywords: "DAX 캐시 TTL 기본 캐시 시간" },

  // VPC
  { kind: "quantity", service: "vpc", attribute: "quota.vpcs-per-region", label: "리전당 VPC 수", unit: "count", subject: String.raw`VPCs?`, per: String.raw`리전|regions?`, qualifier: String.raw`리전\s?(?:당|마다|별)|per\s+region|each\s+region`, bare: true, keywords: "리전당 VPC 수 한도 quota" },
  { kind: "quantity", service: "vpc", attribute: "quota.subnets-per-vpc", label: "VPC당 서브넷 수", unit: "count", subject: String.raw`서브넷|subnets?`, per: String.raw`VPC`, qualifier: String.raw`VPC\s?(?:당|마다|별)|per\s+VPC|each\s+VPC`, bare: true, keywords: "VPC당 서브넷 수 한도 quota" },
  { kind: "quantity", service: "subnet", attribute: "reserved-addresses", label: "서브넷 예약 IP 수", unit: "count", subject: String.raw`예약|reserved`, per: String.raw`서브넷|subnets?|CIDR|블록|blocks?`, counts: String.raw`IP|주소|address(?:es)?`, when: String.raw`서브넷|subnet|/\d\d`, keywords: "서브넷 예약 IP 주소 reserved addresses" },
  { kind: "quantity", service: "vpc", attribute: "cidr.vpc", label: "VPC CIDR 블록 크기", unit: "cidr", subject: String.raw`VPC`, exclude: String.raw`서브넷|subnet`, keywords: "VPC CIDR 블록 크기 /16" },
  { kind: "quantity", service: "subnet", attribute: "cidr.subnet", label: "서브넷 CIDR 블록 크기", unit: "cidr", subject: String.raw`서브넷|subnets?`, keywords: "서브넷 CIDR 블록 크기 /24" },

  // Storage, networking, global infrastructure
  { kind: "quantity", service: "s3", attribute: "durability", label: "S3 내구성", unit: "percent", subject: String.raw`내구성|durability|안정성`, keywords: "S3 내구성 durability 11 nines" },
  { kind: "claim", service: "security-group", attribute: "change-after-launch", label: "인스턴스 보안 그룹 변경", claim: String.raw`(?:시작|실행|launch)\S*\s?(?:한\s?)?(?:이후|후|after)[^.]{0,40}?변경\s?(?:불가|할\s?수\s?없|못)|cannot\s+(?:be\s+)?chang\w*[^.]{0,30}after\s+launch`, reference: "security-group-change", keywords: "보안 그룹 변경 security group" },
  { kind: "claim", service: "alb", attribute: "rule-conditions", label: "ALB 리스너 규칙 조건", claim: String.raw`쿠키\s?(?:값\s?)?기반\s?(?:의\s?)?라우팅|cookie[- ]based\s+routing|route\w*\s+(?:on|by)\s+cookies?`, reference: "alb-rule-conditions", keywords: "ALB 라우팅 규칙 조건 쿠키 rule conditions" },
  { kind: "list-count", service: "route53", attribute: "routing-policies", label: "Route 53 라우팅 정책 수", heading: String.raw`라우팅\s?정책|routing\s?polic`, item: String.raw`라우팅|routing|정책|polic`, keywords: "Route 53 라우팅 정책 가중치 지연 시간 장애 조치 routing policy" },
  { kind: "claim", service: "elasticache", attribute: "engines", label: "ElastiCache 엔진", claim: String.raw`Redis\s?(?:또는|or|와|과|/|,|및)\s?Memcached|Memcached\s?(?:또는|or|와|과|/|,|및)\s?Redis`, exclude: String.raw`Valkey`, reference: "elasticache-engines", keywords: "ElastiCache 엔진 Redis Memcached Valkey" },
  { kind: "quantity", service: "regions-azs", attribute: "count.regions", label: "AWS 리전 수", unit: "count", subject: String.raw`리전|regions?`, staleAgainst: "aws-regions-azs", currentFrom: 30, keywords: "리전 수 region" },
  // "리전마다 최소 3개의 AZ": the per-Region AZ count, which the reference states (attribute "counts").
  { kind: "quantity", service: "regions-azs", attribute: "counts", label: "리전당 가용 영역 수", unit: "count", subject: String.raw`가용\s?영역|AZs?|availability\s?zones?`, per: String.raw`리전|regions?`, qualifier: String.raw`리전\s?(?:당|마다|별)|per\s+region|each\s+region|every\s+region|모든\s?리전`, keywords: "리전당 가용 영역 수 AZ 최소 3개" },
  { kind: "quantity", service: "regions-azs", attribute: "count.azs", label: "AWS 가용 영역 수", unit: "count", subject: String.raw`가용\s?영역|AZs?|availability\s?zones?`, staleAgainst: "aws-regions-azs", keywords: "가용 영역 수 AZ availability zone" },
  { kind: "quantity", service: "cloudfront", attribute: "count.pops", label: "CloudFront PoP 수", unit: "count", subject: String.raw`PoP|Point\s?of\s?Presence|엣지\s?로케이션|edge\s?locations?`, keywords: "CloudFront 엣지 로케이션 PoP" },
  { kind: "quantity", service: "ec2", attribute: "placement.spread-per-az", label: "분산 배치 그룹의 AZ당 인스턴스 수", unit: "count", subject: String.raw`인스턴스|instances?`, per: String.raw`AZ|가용\s?영역|availability\s?zones?`, when: String.raw`분산\s?배치|spread|배치\s?그룹|placement`, keywords: "분산 배치 그룹 spread placement group AZ당 7개" },
  { kind: "quantity", service: "elastic-ip", attribute: "quota.per-region", label: "리전당 Elastic IP 수", unit: "count", per: String.raw`리전|regions?|계정|accounts?`, qualifier: String.raw`기본|최대|한도|limit|quota|default`, keywords: "Elastic IP 탄력적 IP 리전당 5개 한도" },
  { kind: "quantity", service: "ec2", attribute: "spot.discount.max", label: "EC2 스팟 인스턴스 최대 할인율", unit: "percent", subject: String.raw`할인|discount|savings?|저렴`, when: String.raw`스팟|spot`, keywords: "스팟 인스턴스 할인 spot 90%" },
  { kind: "quantity", service: "ec2", attribute: "discount.max", label: "EC2 약정 최대 할인율", unit: "percent", subject: String.raw`할인|discount|savings?`, unless: String.raw`스팟|spot`, keywords: "EC2 할인 Savings Plans 예약 인스턴스 Reserved" },
  { kind: "quantity", service: "*", attribute: "latency", label: "지연 시간", unit: "ms", subject: String.raw`지연\s?시간|latency|응답\s?시간`, keywords: "지연 시간 latency 밀리초" },
  // Limits other people's notes state often (issue 10's corpus). `attribute` follows the
  // reference table where it has the fact (asg-cooldown, fargate-spot-warning, gwlb-geneve,
  // step-functions-duration).
  { kind: "quantity", service: "rds", attribute: "backup.retention.max", label: "RDS 자동 백업 최대 보존 기간", unit: "day", subject: String.raw`백업|backup|보존|retention`, keywords: "RDS 자동 백업 보존 기간 35일 backup retention" },
  { kind: "quantity", service: "rds", attribute: "replicas.max", label: "RDS 읽기 복제본 수", unit: "count", subject: String.raw`복제본|replicas?`, keywords: "RDS 읽기 전용 복제본 read replica 최대" },
  { kind: "quantity", service: "s3", attribute: "availability", label: "S3 Standard 가용성", unit: "percent", subject: String.raw`가용성|availability`, keywords: "S3 가용성 availability 99.99%" },
  { kind: "quantity", service: "s3", attribute: "object.max-size", label: "S3 객체 최대 크기", unit: "TB", subject: String.raw`객체|object|오브젝트`, exclude: String.raw`업로드|upload|PUT|멀티파트|multipart`, keywords: "S3 객체 최대 크기 5TB object size" },
  { kind: "quantity", service: "s3", attribute: "upload.single-put-max", label: "S3 단일 PUT 업로드 최대 크기", unit: "GB", subject: String.raw`업로드|upload|PUT|멀티파트|multipart`, keywords: "S3 단일 PUT 업로드 5GB 멀티파트" },
  { kind: "quantity", service: "route53", attribute: "routing-policies", label: "Route 53 라우팅 정책 수", unit: "count", subject: String.raw`라우팅\s?정책|routing\s?polic(?:y|ies)`, keywords: "Route 53 라우팅 정책 수 routing policy" },
  { kind: "quantity", service: "route53", attribute: "multivalue.records", label: "다중 값 응답 라우팅 레코드 수", unit: "count", subject: String.raw`레코드|records?|응답|answers?`, when: String.raw`다중\s?값|multi\s?value`, keywords: "Route 53 다중 값 응답 라우팅 레코드 8개" },
  { kind: "quantity", service: "route53", attribute: "sla", label: "Route 53 SLA", unit: "percent", subject: String.raw`SLA|가용성|availability`, keywords: "Route 53 SLA 100%" },
  { kind: "quantity", service: "auto-scaling", attribute: "cooldown.default", label: "EC2 Auto Scaling 기본 휴지 기간", unit: "s", subject: String.raw`쿨\s?다운|cooldown|휴지`, keywords: "Auto Scaling 쿨다운 휴지 기간 cooldown 300초" },
  { kind: "quantity", service: "ec2", attribute: "spot.interruption-notice", label: "EC2 스팟 중단 알림", unit: "s", subject: String.raw`알림|notice|경고|warning|회수|중단|interrupt`, when: String.raw`스팟|spot`, keywords: "스팟 인스턴스 중단 알림 2분 interruption notice" },
  { kind: "quantity", service: "fargate", attribute: "spot.warning", label: "Fargate Spot 중단 알림", unit: "s", subject: String.raw`알림|notice|경고|warning|회수|중단|interrupt`, when: String.raw`스팟|spot`, keywords: "Fargate Spot 중단 알림 2분" },
  { kind: "quantity", service: "ebs", attribute: "iops.max", label: "EBS 최대 IOPS", unit: "count", subject: String.raw`IOPS`, bare: true, per: String.raw`볼륨|volumes?`, keywords: "EBS IOPS io2 io1 gp3 최대" },
  { kind: "quantity", service: "ecs", attribute: "task.containers.max", label: "ECS 태스크 정의당 컨테이너 수", unit: "count", subject: String.raw`컨테이너|containers?`, qualifier: String.raw`태스크|task`, per: String.raw`태스크|task|정의|definition`, keywords: "ECS 태스크 정의 컨테이너 최대 10개" },
  { kind: "quantity", service: "kms", attribute: "key.monthly-price", label: "KMS 고객 관리형 키 월 요금", unit: "usd", subject: String.raw`월|매월|month|monthly|요금|비용|price`, keywords: "KMS 고객 관리형 키 요금 월 1달러" },
  { kind: "quantity", service: "kms", attribute: "rotation.period", label: "KMS 자동 키 교체 주기", unit: "day", subject: String.raw`교체|rotation|로테이션|순환`, per: String.raw`년|years?|일|days?`, keywords: "KMS 자동 키 교체 rotation 1년" },
  { kind: "quantity", service: "athena", attribute: "pricing.per-tb", label: "Athena 스캔 TB당 요금", unit: "usd", subject: String.raw`스캔|scan|쿼리|query|요금|달러`, per: String.raw`TB|테라바이트|terabytes?`, keywords: "Athena 요금 스캔 TB당 5달러" },
  { kind: "quantity", service: "direct-connect", attribute: "dedicated.speed", label: "Direct Connect 전용 연결 속도", unit: "Gbps", subject: String.raw`Dedicated|전용`, keywords: "Direct Connect 전용 연결 Dedicated Connection 1Gbps 10Gbps 100Gbps" },
  { kind: "quantity", service: "direct-connect", attribute: "hosted.speed", label: "Direct Connect 호스팅 연결 속도", unit: "Gbps", subject: String.raw`Hosted|호스팅|파트너|partner`, keywords: "Direct Connect 호스팅 연결 Hosted Connection 50Mbps 10Gbps" },
  { kind: "quantity", service: "shield", attribute: "advanced.monthly-price", label: "Shield Advanced 월 요금", unit: "usd", subject: String.raw`월|매월|month|monthly|요금|비용`, when: String.raw`Advanced|어드밴스드`, keywords: "Shield Advanced 요금 월 3,000달러" },
  { kind: "quantity", service: "sqs", attribute: "visibility-timeout.default", label: "SQS 기본 가시성 제한 시간", unit: "s", subject: String.raw`가시성|visibility|안\s?보|보이지`, qualifier: String.raw`기본|default`, keywords: "SQS 가시성 제한 시간 visibility timeout 30초" },
  { kind: "quantity", service: "sqs", attribute: "long-polling.max", label: "SQS 롱 폴링 최대 대기 시간", unit: "s", subject: String.raw`롱\s?폴링|long\s?polling|대기|wait`, when: String.raw`폴링|polling`, keywords: "SQS 롱 폴링 long polling 20초" },
  { kind: "quantity", service: "sqs", attribute: "fifo.throughput", label: "SQS FIFO 초당 메시지 수", unit: "count", subject: String.raw`메시지|messages?|처리량|TPS|트랜잭션|API\s?호출|초당|per\s+second`, per: String.raw`초|seconds?`, when: String.raw`FIFO`, keywords: "SQS FIFO 처리량 초당 300개 3,000개" },
  { kind: "quantity", service: "sqs", attribute: "fifo.throughput.batch", label: "SQS FIFO 초당 메시지 수(배치)", unit: "count", subject: String.raw`메시지|messages?|처리량|TPS|트랜잭션`, qualifier: String.raw`배치|batch`, when: String.raw`FIFO`, keywords: "SQS FIFO 배치 처리량 3,000개" },
  { kind: "quantity", service: "sqs", attribute: "retention.default", label: "SQS 기본 메시지 보존 기간", unit: "day", subject: String.raw`보존|보관|retention`, qualifier: String.raw`기본|default`, keywords: "SQS 메시지 보존 기간 기본 4일" },
  { kind: "quantity", service: "sqs", attribute: "retention.max", label: "SQS 최대 메시지 보존 기간", unit: "day", subject: String.raw`보존|보관|retention`, exclude: String.raw`기본|default`, keywords: "SQS 메시지 보존 기간 최대 14일" },
  { kind: "quantity", service: "cloudtrail", attribute: "event-history.retention", label: "CloudTrail 이벤트 기록 보존 기간", unit: "day", subject: String.raw`이벤트|event|기록|history|조회`, keywords: "CloudTrail 이벤트 기록 90일 event history" },
  { kind: "quantity", service: "cloudwatch", attribute: "monitoring.basic", label: "CloudWatch 기본 모니터링 주기", unit: "s", subject: String.raw`모니터링|monitoring|지표|metrics?`, qualifier: String.raw`기본|basic|standard`, exclude: String.raw`세부|상세|detailed`, keywords: "CloudWatch 기본 모니터링 5분" },
  { kind: "quantity", service: "cloudwatch", attribute: "monitoring.detailed", label: "CloudWatch 세부 모니터링 주기", unit: "s", subject: String.raw`모니터링|monitoring|지표|metrics?`, qualifier: String.raw`세부|상세|detailed`, keywords: "CloudWatch 세부 모니터링 1분 detailed monitoring" },
  { kind: "quantity", service: "step-functions", attribute: "execution.max", label: "Step Functions Standard 최대 실행 시간", unit: "s", subject: String.raw`실행|execution|워크플로|workflow|최대`, exclude: String.raw`Express|익스프레스`, keywords: "Step Functions Standard 워크플로 최대 1년" },
  { kind: "quantity", service: "step-functions", attribute: "execution.express.max", label: "Step Functions Express 최대 실행 시간", unit: "s", subject: String.raw`실행|execution|워크플로|workflow|최대`, qualifier: String.raw`Express|익스프레스`, keywords: "Step Functions Express 워크플로 최대 5분" },
  { kind: "quantity", service: "aurora", attribute: "global.replication-lag", label: "Aurora Global Database 복제 지연", unit: "s", subject: String.raw`복제|replication|지연|lag`, when: String.raw`Global|글로벌`, keywords: "Aurora Global Database 리전 간 복제 1초" },
  { kind: "quantity", service: "gwlb", attribute: "protocol", label: "Gateway Load Balancer GENEVE 포트", unit: "port", subject: String.raw`포트|port|GENEVE`, bare: true, keywords: "GWLB GENEVE 포트 6081" },
];

/**
 * Sentence rules that decide whether a number states a limit at all, whichever pattern it
 * would fit (issue 10: about half the facts of other people's notes were scenarios, options,
 * per-unit limits or parts of a sum). Regex sources, matched case-insensitively.
 */
export const FACT_CONTEXT = {
  /** A heading that is a question ("Q1. A company…", "문제 3", "…?"): its lines are the question's, except explanations. */
  questionHeading: String.raw`^\s*(?:Q\s?\d+|문제\s?\d+|question\s?\d+|\d+\s?번\s?문제)\b|[?？]\s*$`,
  /** An answer option, a question stem line, or a question ("…옮기려면?"). */
  questionLine: String.raw`^\s*(?:\(?[A-Fa-f][.)]\s|\([A-Fa-f]\)|[①②③④⑤⑥⑦⑧⑨⑩]|Q\s?\d+[.):]|문제\s?\d+[.):]|\*\*\s*(?:answer|정답))|[?？]\s*$`,
  /** An explanation under a question: it states the rule the answer rests on. */
  explanationLine: String.raw`^\s*(?:\*\*)?\s*(?:해설|풀이|설명|explanation|why|근거)`,
  /** Scenario sentences describe one workload: their numbers are the workload's. */
  scenarioHeading: String.raw`회사|기업|고객사|시나리오|(?<!사용\s?)사례|예시|실습|우리|배경|구성\s?예|company|customer|scenario|example|case\s+study|lab\b`,
  scenario: String.raw`회사|기업|고객사|스타트업|시나리오|예를\s?들어|예시|가정(?:하|해)|company|customer|scenario|for\s+example|e\.g\.|suppose|startup`,
  /** The limit words that let a number of a scenario sentence through ("…약 20분이 걸리지만 Lambda 최대 실행 시간은 15분"); "7일 전까지만" is still the example's. */
  scenarioLimit: String.raw`최대|최소|기본|한도|up\s+to|max(?:imum)?|min(?:imum)?|default|limit|quota|at\s+(?:most|least)`,
  /** Estimates next to a number: before it ("약 2분") and after it ("2분 정도"). */
  approximateBefore: String.raw`(?:약|대략|대충|approximately|about|around|roughly|circa)\s*$`,
  approximateAfter: String.raw`^\s*(?:정도|쯤|가량|내외|안팎|남짓)`,
  /** Steps next to a number: "1 MB 증분", "10GB 단위로", "64MB씩", "in 1 MB increments". */
  incrementBefore: String.raw`(?:increments?\s+of|in\s+steps\s+of|증분)\s*$`,
  incrementAfter: String.raw`^\s*(?:증분|단위|씩|increments?|steps?)`,
  /** Parts of a sum or a breakdown: "처음 4개", "마지막 1개", "first 4", "4개 + 1개". */
  partBefore: String.raw`(?:처음|앞|마지막|끝|first|last)\s*$|\+\s*$`,
  partAfter: String.raw`^\s*\+`,
  /**
   * Per-unit markers: the word before 당/마다 (or a listed unit before 별), or after per/each.
   * The word starts where a run of word characters starts (lookbehind): without it a long run
   * with no 당 in it was retried from every character, quadratic (a 140 KB line took 18 s).
   */
  perUnit: String.raw`(?<![0-9A-Za-z가-힣$-])([0-9A-Za-z가-힣$-]+)\s?(?:당|마다)(?![가-힣])|(리전|계정|AZ|가용\s?영역|VPC|서브넷|인스턴스|함수|테이블|버킷|노드|클러스터|샤드)\s?별|\b(?:per|each|every)\s+([A-Za-z$-]+)`,
  /** Words ending in 당 that are no unit ("해당 보안 그룹", "리소스 할당", "상당히"). */
  notPerUnit: String.raw`^(?:해|할|정|타|당|배|담|상|적|부|충|본|선|결|반|가|마)$`,
  /** Nouns a count can count: a count followed by one of these counts it, not the pattern's subject. */
  countedNoun: String.raw`^\s?(사본|복사본|copies|copy|인스턴스|instances?|VPCs?|서브넷|subnets?|AZs?|가용\s?영역|리전|regions?|함수|functions?|노드|nodes?|샤드|shards?|파티션|partitions?|버킷|buckets?|테이블|tables?|계정|accounts?|사용자|users?|규칙|rules?|레코드|records?|태스크|tasks?|컨테이너|containers?|IP|주소|addresses|레이어|layers?|복제본|replicas?|엣지|PoP|문항|questions?|옵션|options?)`,
  /** A claim stated as false ("쿠키 기반 라우팅은 지원하지 않는다") is not the claim. */
  negated: String.raw`않|없[다음어]|아니|불가능하|\bnot\b|n't|\bno\b|대신|instead`,
} as const;

/** Lines worth handing back from the parse workers: they hold a number or trip a claim. */
export const FACT_LINE_TRIGGER = new RegExp(
  [String.raw`\d`, ...FACT_PATTERNS.filter((pattern): pattern is ClaimPattern => pattern.kind === "claim").map((pattern) => pattern.claim)].join("|"),
  "i",
);
