// "Which routing policy / scaling mode fits this requirement?" Each concept (a Route 53 policy,
// an ALB rule condition, a scaling mode …) has one capability and a pattern that finds its
// definition in the notes. A requirement template names the capability it needs; its answer is
// the one concept that has it, and a question is only generated when the notes define that
// concept (the source is the note section holding the definition).
import type { Domain, SourceRef } from "../types";
import type { NoteSection } from "../headings";
import { factIdsOf, resolveFact, type FactInput } from "./facts";
import type { ReferenceIndex } from "@/lib/core/reference/aws-facts";
import { attachDetachedParticles } from "../korean-spacing";
import { finishQuestion, generatedId, topicParticle, type ChoiceDraft, type GeneratedQuestion } from "./build";

export interface Concept {
  key: string;
  family: "route53-policy" | "alb-condition" | "elb-type" | "scaling";
  name: string;
  /** what the concept does, as the explanation and flashcard state it */
  summary: string;
  /** the requirement it satisfies; templates ask for exactly one capability */
  capability: string;
  topics: string[];
  /** finds the defining passage in the notes; null = distractor only (not in the notes) */
  evidence: RegExp | null;
  /** reference facts that back the summary */
  references?: string[];
  /** note facts (service/attribute) the concept's definition relates to */
  facts?: { service: string; attribute: string }[];
  /** why it is wrong when offered as a distractor, when the summary alone does not say it */
  wrongNote?: string;
}

// Route 53 and ALB concepts rest on the notes' list of policies / rule conditions, which the
// ingester extracts as facts (route53 routing-policies, alb rule-conditions).
const FAMILY_FACTS: Partial<Record<Concept["family"], { service: string; attribute: string }[]>> = {
  "route53-policy": [{ service: "route53", attribute: "routing-policies" }],
  "alb-condition": [{ service: "alb", attribute: "rule-conditions" }],
};

const c = (concept: Concept): Concept => ({ ...concept, facts: [...(concept.facts ?? []), ...(FAMILY_FACTS[concept.family] ?? [])] });

export const CONCEPTS: Concept[] = [
  // Route 53 routing policies (route53-acm-alb-ecs.md, 라우팅 정책)
  c({ key: "r53-simple", family: "route53-policy", name: "단순 라우팅 정책", capability: "single-resource", topics: ["route53"], evidence: /단순 라우팅/, summary: "도메인 하나에 리소스 하나(또는 값 목록)를 돌려주는 기본 정책으로, 상태 확인을 쓸 수 없습니다." }),
  c({ key: "r53-weighted", family: "route53-policy", name: "가중치 라우팅 정책", capability: "ratio-split", topics: ["route53"], evidence: /가중치 라우팅/, summary: "레코드마다 가중치를 주어 트래픽을 정해진 비율(예: 90:10)로 나눕니다. 카나리·블루/그린 배포에 씁니다." }),
  c({ key: "r53-latency", family: "route53-policy", name: "지연 시간 라우팅 정책", capability: "lowest-latency", topics: ["route53", "regions-azs"], evidence: /지연 시간 라우팅/, summary: "사용자와 리전 사이의 네트워크 지연 시간이 가장 짧은 리소스로 보냅니다." }),
  c({ key: "r53-geolocation", family: "route53-policy", name: "지리적 위치 라우팅 정책", capability: "by-user-country", topics: ["route53"], evidence: /지리적 위치 라우팅/, summary: "사용자의 위치(대륙·국가·주)에 따라 정해진 리소스로 보냅니다. 데이터 주권 같은 법적 요구나 국가별 콘텐츠에 씁니다." }),
  c({ key: "r53-geoproximity", family: "route53-policy", name: "지리 근접 라우팅 정책", capability: "distance-with-bias", topics: ["route53"], evidence: /지리 근접/, summary: "사용자와 리소스 사이의 지리적 거리로 보내고, 바이어스 값으로 한 리소스가 맡는 지역을 넓히거나 좁힙니다." }),
  c({ key: "r53-multivalue", family: "route53-policy", name: "다중 값 응답 라우팅 정책", capability: "healthy-multi-answer", topics: ["route53"], evidence: /다중 값 응답/, summary: "한 번의 DNS 응답에 정상(상태 확인 통과)인 IP를 여러 개(최대 8개) 돌려주는 간단한 클라이언트 측 부하 분산입니다." }),
  c({ key: "r53-failover", family: "route53-policy", name: "장애 조치 라우팅 정책", capability: "active-passive", topics: ["route53"], evidence: /장애 조치 라우팅/, summary: "상태 확인으로 주(primary) 리소스를 보다가 비정상이면 보조(secondary) 리소스로 보내는 액티브-패시브 구성입니다." }),
  c({ key: "r53-ip-based", family: "route53-policy", name: "IP 기반 라우팅 정책", capability: "by-client-cidr", topics: ["route53"], evidence: null, references: ["route53-routing-policies"], summary: "클라이언트 IP 주소 범위(CIDR)를 보고 보낼 곳을 정합니다." }),

  // ALB listener rule conditions (route53-acm-alb-ecs.md 고급 라우팅 기능; reference alb-rule-conditions)
  c({ key: "alb-path", family: "alb-condition", name: "경로 패턴(path-pattern) 조건", capability: "by-url-path", topics: ["alb"], evidence: /URL 경로 기반 라우팅/, references: ["alb-rule-conditions"], summary: "요청 URL 경로(/api/*, /images/*)로 대상 그룹을 고릅니다." }),
  c({ key: "alb-host", family: "alb-condition", name: "호스트 헤더(host-header) 조건", capability: "by-host-name", topics: ["alb"], evidence: /Host 기반 라우팅/, references: ["alb-rule-conditions"], summary: "요청의 호스트 이름(api.example.com, www.example.com)으로 대상 그룹을 고릅니다." }),
  c({ key: "alb-header", family: "alb-condition", name: "HTTP 헤더(http-header) 조건", capability: "by-http-header", topics: ["alb"], evidence: /HTTP 헤더 및 메서드 기반 라우팅/, references: ["alb-rule-conditions"], summary: "User-Agent 같은 임의의 HTTP 헤더 값으로 대상 그룹을 고릅니다." }),
  c({ key: "alb-method", family: "alb-condition", name: "HTTP 요청 메서드(http-request-method) 조건", capability: "by-http-method", topics: ["alb"], evidence: /HTTP 헤더 및 메서드 기반 라우팅/, references: ["alb-rule-conditions"], summary: "GET, POST 같은 요청 메서드로 대상 그룹을 고릅니다." }),
  c({ key: "alb-query", family: "alb-condition", name: "쿼리 문자열(query-string) 조건", capability: "by-query-string", topics: ["alb"], evidence: /쿼리 문자열 기반 라우팅/, references: ["alb-rule-conditions"], summary: "URL의 쿼리 문자열 키·값(?version=beta)으로 대상 그룹을 고릅니다." }),
  c({
    key: "alb-cookie",
    family: "alb-condition",
    name: "쿠키 값 조건",
    capability: "none-cookie",
    topics: ["alb"],
    evidence: null,
    references: ["alb-rule-conditions"],
    summary: "ALB 리스너 규칙에는 쿠키 조건이 없습니다(조건은 host-header, http-header, http-request-method, path-pattern, query-string, source-ip).",
    wrongNote: "노트: 쿠키 기반 라우팅 → AWS 문서(2026-11 기준): 리스너 규칙 조건에 쿠키는 없습니다. 쿠키는 고정 세션(sticky session)에만 쓰입니다.",
  }),

  // Load balancer types (aws-infrastructure-taska-msa.md ELB)
  c({ key: "elb-alb", family: "elb-type", name: "Application Load Balancer", capability: "l7-content-routing", topics: ["alb", "elb"], evidence: /HTTP 및 HTTPS 트래픽의 로드밸런싱/, summary: "L7(HTTP/HTTPS)에서 경로·호스트 등 요청 내용으로 라우팅합니다. 마이크로서비스와 컨테이너에 맞습니다." }),
  c({ key: "elb-nlb", family: "elb-type", name: "Network Load Balancer", capability: "l4-static-ip", topics: ["nlb", "elb"], evidence: /고정\s*IP/, summary: "L4(TCP/UDP)에서 동작하고 AZ마다 고정 IP(탄력적 IP)를 가지며 매우 낮은 지연으로 대량의 연결을 처리합니다." }),
  c({ key: "elb-gwlb", family: "elb-type", name: "Gateway Load Balancer", capability: "inline-appliances", topics: ["gwlb", "elb"], evidence: null, summary: "방화벽·IDS 같은 서드파티 가상 어플라이언스로 트래픽을 투명하게 넘기는 L3 게이트웨이 겸 로드 밸런서입니다." }),
  c({ key: "elb-clb", family: "elb-type", name: "Classic Load Balancer", capability: "legacy-ec2-classic", topics: ["clb", "elb"], evidence: /EC2-Classic/, summary: "EC2-Classic 시절의 이전 세대 로드 밸런서로, 새 설계에는 쓰지 않습니다." }),

  // Scaling modes
  c({ key: "scale-target-tracking", family: "scaling", name: "대상 추적 조정(target tracking)", capability: "keep-metric-at-target", topics: ["auto-scaling", "ecs"], evidence: /타겟 트래킹|목표 추적/, references: ["ecs-service-scaling"], summary: "CPU 사용률 50%처럼 지표의 목표 값을 정하면 그 값을 유지하도록 용량을 자동으로 늘리고 줄입니다." }),
  c({ key: "scale-step", family: "scaling", name: "단계 조정(step scaling)", capability: "alarm-bands", topics: ["auto-scaling", "ecs"], evidence: /스텝 스케일링|단계적 확장/, references: ["ecs-service-scaling"], summary: "CloudWatch 경보의 초과 구간마다 다른 크기로(70% 초과 +2, 85% 초과 +4) 조정합니다." }),
  c({ key: "scale-scheduled", family: "scaling", name: "예약 조정(scheduled scaling)", capability: "known-times", topics: ["auto-scaling", "ecs"], evidence: /Scheduled Scaling|스케줄링된 스케일링/, references: ["ecs-service-scaling"], summary: "정해진 날짜·시각에 용량을 바꿉니다. 시각이 확실한 변화(업무 시작·종료)에 맞습니다." }),
  c({ key: "scale-predictive", family: "scaling", name: "예측 조정(predictive scaling)", capability: "forecast-recurring", topics: ["auto-scaling", "ec2"], evidence: /예측 조정/, summary: "과거 지표로 반복되는 패턴을 학습해 수요가 오기 전에 미리 용량을 늘립니다." }),
  c({ key: "scale-manual", family: "scaling", name: "수동 조정", capability: "none-manual", topics: ["auto-scaling"], evidence: null, summary: "원하는 용량(desired count)을 사람이 직접 바꿉니다. 자동으로 반응하지 않습니다." }),
  c({ key: "asg-warm-pool", family: "scaling", name: "웜 풀(warm pool)", capability: "pre-initialised-standby", topics: ["auto-scaling", "ec2"], evidence: /웜풀|웜 풀/, summary: "미리 초기화해 둔 인스턴스를 중지(또는 실행) 상태로 대기시켰다가 확장할 때 바로 투입해, 부팅이 긴 애플리케이션의 확장 지연을 줄입니다." }),
  c({ key: "asg-cooldown", family: "scaling", name: "휴지 기간(cooldown)", capability: "wait-after-scaling", topics: ["auto-scaling", "ec2"], evidence: /쿨다운/, references: ["asg-cooldown"], facts: [{ service: "auto-scaling", attribute: "cooldown.default" }], summary: "단순 조정 정책으로 용량을 바꾼 뒤 새 인스턴스가 효과를 낼 때까지 추가 조정을 멈추는 시간입니다(기본 300초)." }),
  c({ key: "asg-termination", family: "scaling", name: "종료 정책(termination policy)", capability: "choose-victim", topics: ["auto-scaling", "ec2"], evidence: /종료 정책|OldestLaunchTemplate/, references: ["asg-cooldown"], summary: "축소할 때 어떤 인스턴스를 먼저 종료할지 정합니다(예: OldestLaunchTemplate은 가장 오래된 시작 템플릿의 인스턴스부터)." }),
  c({ key: "ecs-capacity-provider", family: "scaling", name: "ECS 클러스터 용량 공급자(capacity provider)", capability: "ec2-follows-tasks", topics: ["ecs", "auto-scaling"], evidence: /Capacity Provider/, summary: "Auto Scaling 그룹과 연결되어, 실행할 태스크가 요구하는 만큼 클러스터의 EC2 인스턴스 수를 자동으로 맞춥니다." }),
  c({ key: "ecs-fargate-spot", family: "scaling", name: "Fargate Spot", capability: "interruptible-cheap-serverless", topics: ["fargate", "ecs", "auto-scaling"], evidence: /FARGATE_SPOT/, references: ["fargate-spot-warning"], facts: [{ service: "fargate", attribute: "spot.warning" }], summary: "남는 용량으로 Fargate 태스크를 크게 할인된 가격에 실행합니다. 2분 전 알림 후 회수될 수 있어 중단을 견디는 작업에 씁니다." }),
  c({ key: "ecs-fargate-on-demand", family: "scaling", name: "Fargate(온디맨드)만 사용", capability: "none-on-demand-only", topics: ["fargate"], evidence: null, summary: "중단 없이 실행되지만 Fargate Spot보다 비쌉니다." }),
  c({ key: "ec2-reserved-cluster", family: "scaling", name: "예약 인스턴스로 만든 EC2 클러스터", capability: "none-managed-servers", topics: ["ec2"], evidence: null, summary: "1–3년 약정으로 할인받지만 인스턴스(서버)를 직접 관리해야 합니다." }),
  c({ key: "metric-alb-requests", family: "scaling", name: "ALBRequestCountPerTarget 지표의 대상 추적", capability: "scale-on-requests", topics: ["ecs", "auto-scaling", "alb"], evidence: /ALB Request Count Per Target/, references: ["ecs-service-scaling"], summary: "대상(태스크)당 ALB 요청 수를 목표 값으로 유지합니다. 부하가 요청 수에 비례할 때 맞습니다." }),
  c({ key: "metric-cpu", family: "scaling", name: "ECSServiceAverageCPUUtilization 지표의 대상 추적", capability: "scale-on-cpu", topics: ["ecs", "auto-scaling"], evidence: /ECS Service Average CPU Utilization/, references: ["ecs-service-scaling"], summary: "서비스 태스크의 평균 CPU 사용률을 목표 값으로 유지합니다." }),
  c({ key: "metric-memory", family: "scaling", name: "ECSServiceAverageMemoryUtilization 지표의 대상 추적", capability: "scale-on-memory", topics: ["ecs", "auto-scaling"], evidence: /Memory Utilization/, references: ["ecs-service-scaling"], summary: "서비스 태스크의 평균 메모리 사용률을 목표 값으로 유지합니다. 메모리가 먼저 한계에 닿는 서비스에 맞습니다." }),
  c({ key: "ddb-on-demand", family: "scaling", name: "DynamoDB 온디맨드 용량 모드", capability: "unpredictable-no-planning", topics: ["dynamodb", "auto-scaling"], evidence: /온디맨드 모드/, references: ["dynamodb-capacity-modes"], summary: "용량을 미리 정하지 않고 요청한 만큼 과금되며, 예측할 수 없는 급증에도 자동으로 맞춥니다." }),
  c({ key: "ddb-provisioned", family: "scaling", name: "DynamoDB 프로비저닝 용량 모드(+Auto Scaling)", capability: "steady-predictable-cheapest", topics: ["dynamodb", "auto-scaling"], evidence: /프로비전 모드/, references: ["dynamodb-capacity-modes"], summary: "초당 읽기/쓰기 용량(RCU/WCU)을 미리 정해 두고 그만큼 과금됩니다. 예측 가능한 일정한 트래픽에서 가장 저렴하고, Auto Scaling으로 조정할 수 있습니다. 노트는 프로비저닝을 기본 모드라고 하지만, AWS 문서(2026-11 기준)에서는 온디맨드가 기본·권장 모드입니다." }),
  c({ key: "ddb-dax", family: "scaling", name: "DynamoDB Accelerator(DAX)", capability: "microsecond-read-cache", topics: ["dax", "dynamodb", "auto-scaling"], evidence: /마이크로초/, references: ["dax-ttl"], summary: "DynamoDB 앞단의 완전 관리형 인메모리 캐시로, 애플리케이션 로직을 거의 바꾸지 않고 읽기를 마이크로초로 줄입니다(기본 TTL 5분)." }),
];

export interface RequirementTemplate {
  key: string;
  family: Concept["family"];
  /** capability the requirement needs; the answer is the concept that has it */
  needs: string;
  /** exactly three distractors */
  distractors: [string, string, string];
  domain: Domain;
  difficulty: 1 | 2 | 3;
  stem: string;
}

const t = (template: RequirementTemplate) => template;
const ROUTE53_ASK = "어떤 Route 53 라우팅 정책을 써야 합니까?";
const ALB_ASK = "ALB 리스너 규칙에 어떤 조건을 써야 합니까?";

export const REQUIREMENT_TEMPLATES: RequirementTemplate[] = [
  t({ key: "canary", family: "route53-policy", needs: "ratio-split", distractors: ["r53-failover", "r53-latency", "r53-multivalue"], domain: "resilient", difficulty: 1, stem: `새 버전 애플리케이션을 별도의 ALB 뒤에 배포했습니다. 처음에는 사용자 트래픽의 10%만 새 버전으로 보내고, 문제가 없으면 비율을 점차 늘리려고 합니다. ${ROUTE53_ASK}` }),
  t({ key: "ab-test", family: "route53-policy", needs: "ratio-split", distractors: ["r53-multivalue", "r53-geoproximity", "r53-simple"], domain: "performant", difficulty: 1, stem: `마케팅 팀이 두 가지 랜딩 페이지를 각각 다른 서버 그룹에서 운영하며 사용자 트래픽을 50:50으로 나눠 A/B 테스트를 하려고 합니다. ${ROUTE53_ASK}` }),
  t({ key: "lowest-latency", family: "route53-policy", needs: "lowest-latency", distractors: ["r53-weighted", "r53-geolocation", "r53-failover"], domain: "performant", difficulty: 2, stem: `같은 애플리케이션을 미국 동부(us-east-1)와 서울(ap-northeast-2) 리전에 배포했습니다. 전 세계 사용자가 네트워크 지연 시간이 가장 짧은 리전으로 연결되어야 합니다. ${ROUTE53_ASK}` }),
  t({ key: "data-residency", family: "route53-policy", needs: "by-user-country", distractors: ["r53-latency", "r53-geoproximity", "r53-weighted"], domain: "secure", difficulty: 2, stem: `법적 요구 사항 때문에 독일 사용자의 요청은 반드시 프랑크푸르트 리전에서 처리하고, 그 밖의 국가 사용자는 서울 리전으로 보내야 합니다. ${ROUTE53_ASK}` }),
  t({ key: "localized-content", family: "route53-policy", needs: "by-user-country", distractors: ["r53-latency", "r53-multivalue", "r53-simple"], domain: "performant", difficulty: 1, stem: `글로벌 쇼핑몰이 국가마다 언어와 가격이 다른 사이트를 국가별 엔드포인트에서 제공합니다. 사용자는 자기 국가의 엔드포인트로 연결되어야 합니다. ${ROUTE53_ASK}` }),
  t({ key: "bias", family: "route53-policy", needs: "distance-with-bias", distractors: ["r53-geolocation", "r53-weighted", "r53-latency"], domain: "performant", difficulty: 3, stem: `유럽과 아시아 리전에 리소스가 있습니다. 사용자는 리소스와의 지리적 거리에 따라 가까운 곳으로 보내되, 유럽 리전의 용량이 더 크므로 유럽 리전이 맡는 지역을 넓혀 더 많은 트래픽을 받게 하려고 합니다. ${ROUTE53_ASK}` }),
  t({ key: "multi-answer", family: "route53-policy", needs: "healthy-multi-answer", distractors: ["r53-simple", "r53-weighted", "r53-failover"], domain: "resilient", difficulty: 2, stem: `로드 밸런서 없이 웹 서버 여러 대의 IP 주소를 DNS 응답으로 돌려주어 간단히 부하를 나누려고 합니다. 상태 확인에 실패한 서버의 IP는 응답에서 빠져야 합니다. ${ROUTE53_ASK}` }),
  t({ key: "active-passive", family: "route53-policy", needs: "active-passive", distractors: ["r53-multivalue", "r53-weighted", "r53-latency"], domain: "resilient", difficulty: 1, stem: `주 리전의 웹 애플리케이션이 상태 확인에 실패하면 보조 리전의 대기 환경으로 자동 전환해야 합니다. 평상시에는 보조 리전으로 트래픽을 보내지 않습니다. ${ROUTE53_ASK}` }),
  t({ key: "single-server", family: "route53-policy", needs: "single-resource", distractors: ["r53-multivalue", "r53-weighted", "r53-failover"], domain: "cost", difficulty: 1, stem: `작은 회사가 웹 서버 한 대에서 사이트를 운영합니다. 도메인을 이 서버의 IP에 연결하기만 하면 되고 상태 확인이나 트래픽 분산은 필요 없습니다. 가장 간단한 구성은 무엇입니까?` }),

  t({ key: "path", family: "alb-condition", needs: "by-url-path", distractors: ["alb-host", "alb-query", "alb-cookie"], domain: "performant", difficulty: 1, stem: `ALB 하나로 /api/* 요청은 API 서비스 대상 그룹으로, /images/* 요청은 이미지 서비스 대상 그룹으로 보내려고 합니다. ${ALB_ASK}` }),
  t({ key: "host", family: "alb-condition", needs: "by-host-name", distractors: ["alb-path", "alb-query", "alb-cookie"], domain: "performant", difficulty: 1, stem: `api.example.com과 www.example.com 요청을 ALB 하나에서 받아 각각 다른 대상 그룹으로 보내려고 합니다. ${ALB_ASK}` }),
  t({ key: "header", family: "alb-condition", needs: "by-http-header", distractors: ["alb-host", "alb-query", "alb-cookie"], domain: "performant", difficulty: 2, stem: `모바일 앱이 보내는 요청에는 User-Agent 헤더에 "MyApp" 이 들어 있습니다. 이 요청만 모바일 전용 대상 그룹으로 보내려고 합니다. ${ALB_ASK}` }),
  t({ key: "method", family: "alb-condition", needs: "by-http-method", distractors: ["alb-path", "alb-host", "alb-cookie"], domain: "performant", difficulty: 2, stem: `같은 경로로 들어오는 요청 중 POST 요청만 쓰기 전용 대상 그룹으로 보내고 GET 요청은 읽기 전용 대상 그룹으로 보내려고 합니다. ${ALB_ASK}` }),
  t({ key: "query", family: "alb-condition", needs: "by-query-string", distractors: ["alb-path", "alb-header", "alb-cookie"], domain: "performant", difficulty: 2, stem: `URL에 ?version=beta가 붙은 요청만 베타 버전 대상 그룹으로 보내려고 합니다. ${ALB_ASK}` }),

  t({ key: "static-ip-tcp", family: "elb-type", needs: "l4-static-ip", distractors: ["elb-alb", "elb-clb", "elb-gwlb"], domain: "performant", difficulty: 2, stem: `TCP로 통신하는 실시간 게임 서버에 초당 수백만 건의 연결이 들어옵니다. 협력사 방화벽의 허용 목록에 등록할 고정 IP가 필요하고 지연 시간은 최소여야 합니다. 어떤 로드 밸런서를 써야 합니까?` }),
  t({ key: "microservices-http", family: "elb-type", needs: "l7-content-routing", distractors: ["elb-nlb", "elb-gwlb", "elb-clb"], domain: "performant", difficulty: 1, stem: `컨테이너로 운영하는 여러 마이크로서비스에 HTTP 요청 경로와 호스트 이름에 따라 트래픽을 나누려고 합니다. 어떤 로드 밸런서를 써야 합니까?` }),

  t({ key: "ecs-keep-cpu", family: "scaling", needs: "keep-metric-at-target", distractors: ["scale-step", "scale-scheduled", "scale-manual"], domain: "performant", difficulty: 1, stem: `ECS 서비스의 평균 CPU 사용률이 항상 50% 근처에 머물도록 태스크 수를 자동으로 늘리고 줄이려고 합니다. 설정이 가장 간단한 조정 방식은 무엇입니까?` }),
  t({ key: "ecs-alarm-bands", family: "scaling", needs: "alarm-bands", distractors: ["scale-target-tracking", "scale-scheduled", "scale-predictive"], domain: "performant", difficulty: 2, stem: `CPU 사용률이 70%를 넘으면 태스크를 2개, 85%를 넘으면 4개 추가하는 것처럼 CloudWatch 경보의 초과 구간마다 조정 크기를 다르게 하려고 합니다. 어떤 조정 방식을 써야 합니까?` }),
  t({ key: "business-hours", family: "scaling", needs: "known-times", distractors: ["scale-target-tracking", "scale-step", "scale-manual"], domain: "cost", difficulty: 1, stem: `사내 업무 시스템은 평일 오전 9시부터 오후 6시까지만 쓰입니다. 매일 오전 8시 50분에 용량을 늘리고 오후 6시 10분에 줄여 비용을 아끼려고 합니다. 어떤 조정 방식을 써야 합니까?` }),
  t({ key: "recurring-forecast", family: "scaling", needs: "forecast-recurring", distractors: ["scale-scheduled", "scale-step", "scale-manual"], domain: "performant", difficulty: 3, stem: `EC2 Auto Scaling 그룹의 트래픽은 매일 비슷한 모양으로 오르내리지만 정점 시각이 조금씩 달라 시각을 정해 두기 어렵습니다. 인스턴스 준비에 시간이 걸리므로 수요가 오기 전에 과거 데이터를 바탕으로 미리 용량을 늘리려고 합니다. 어떤 조정 방식을 써야 합니까?` }),
  t({ key: "slow-boot", family: "scaling", needs: "pre-initialised-standby", distractors: ["asg-cooldown", "asg-termination", "scale-scheduled"], domain: "performant", difficulty: 2, stem: `애플리케이션이 시작할 때 대량의 데이터를 디스크에 써야 해서 인스턴스 부팅과 초기화에 10분 넘게 걸립니다. 확장이 필요할 때 미리 초기화해 둔 인스턴스를 바로 투입해 지연을 줄이려고 합니다. EC2 Auto Scaling의 어떤 기능을 써야 합니까?` }),
  t({ key: "avoid-double-scaling", family: "scaling", needs: "wait-after-scaling", distractors: ["asg-warm-pool", "asg-termination", "scale-predictive"], domain: "cost", difficulty: 2, stem: `단순 조정 정책을 쓰는 Auto Scaling 그룹이 인스턴스를 추가한 직후, 새 인스턴스가 부하를 받기도 전에 경보가 다시 울려 필요 이상으로 인스턴스가 늘어납니다. 조정 후 잠시 추가 조정을 멈추게 하는 설정은 무엇입니까?` }),
  t({ key: "replace-old-template", family: "scaling", needs: "choose-victim", distractors: ["asg-warm-pool", "asg-cooldown", "scale-scheduled"], domain: "resilient", difficulty: 2, stem: `Auto Scaling 그룹의 시작 템플릿을 새 버전으로 바꿨습니다. 축소가 일어날 때 이전 시작 템플릿으로 만든 인스턴스부터 종료되게 하려고 합니다. 무엇을 설정해야 합니까?` }),
  t({ key: "tasks-pending", family: "scaling", needs: "ec2-follows-tasks", distractors: ["scale-target-tracking", "scale-scheduled", "scale-manual"], domain: "resilient", difficulty: 3, stem: `EC2 시작 유형의 ECS 서비스가 태스크 수를 늘렸지만 클러스터의 EC2 용량이 부족해 새 태스크가 PENDING 상태에 머뭅니다. 태스크 수요에 맞춰 EC2 인스턴스 수가 자동으로 늘게 하려면 무엇을 써야 합니까?` }),
  t({ key: "interruptible-batch", family: "scaling", needs: "interruptible-cheap-serverless", distractors: ["ecs-fargate-on-demand", "ec2-reserved-cluster", "asg-warm-pool"], domain: "cost", difficulty: 2, stem: `중단되면 다시 실행하면 되는 이미지 변환 배치 태스크를 ECS에서 실행합니다. 서버를 관리하지 않으면서 컴퓨팅 비용을 가장 많이 줄이려고 합니다. 무엇을 써야 합니까?` }),
  t({ key: "requests-per-task", family: "scaling", needs: "scale-on-requests", distractors: ["metric-cpu", "metric-memory", "scale-scheduled"], domain: "performant", difficulty: 2, stem: `ALB 뒤의 ECS 서비스는 CPU나 메모리보다 들어오는 요청 수에 비례해 느려집니다. 태스크 하나가 처리하는 요청 수를 일정하게 유지하도록 조정하려고 합니다. 무엇을 써야 합니까?` }),
  t({ key: "memory-bound", family: "scaling", needs: "scale-on-memory", distractors: ["metric-cpu", "metric-alb-requests", "scale-scheduled"], domain: "performant", difficulty: 2, stem: `ECS에서 실행하는 Java 서비스는 CPU 사용률이 낮아도 메모리가 먼저 한계에 닿아 느려집니다. 이 서비스의 태스크 수를 자동으로 조정하려면 무엇을 써야 합니까?` }),
  t({ key: "unpredictable-table", family: "scaling", needs: "unpredictable-no-planning", distractors: ["ddb-provisioned", "ddb-dax", "scale-manual"], domain: "cost", difficulty: 1, stem: `새로 출시하는 서비스의 DynamoDB 테이블은 트래픽을 예측할 수 없고 갑자기 몰리는 때가 있습니다. 용량 계획 없이 쓴 만큼만 비용을 내려고 합니다. 무엇을 써야 합니까?` }),
  t({ key: "steady-table", family: "scaling", needs: "steady-predictable-cheapest", distractors: ["ddb-on-demand", "ddb-dax", "scale-manual"], domain: "cost", difficulty: 2, stem: `DynamoDB 테이블의 읽기·쓰기 트래픽이 하루 종일 거의 일정하고 몇 달째 예측한 대로입니다. 비용을 가장 낮추려고 합니다. 무엇을 써야 합니까?` }),
  t({ key: "read-heavy-cache", family: "scaling", needs: "microsecond-read-cache", distractors: ["ddb-on-demand", "ddb-provisioned", "scale-manual"], domain: "performant", difficulty: 2, stem: `읽기가 대부분인 DynamoDB 테이블에서 같은 항목을 반복해 읽느라 지연 시간이 문제입니다. 애플리케이션 코드를 거의 바꾸지 않고 읽기 응답을 마이크로초 단위로 줄이려고 합니다. 무엇을 써야 합니까?` }),
];

export interface ConceptEvidence {
  concept: Concept;
  source: SourceRef;
  /** the matching note line, trimmed */
  excerpt: string;
}

function indentOf(line: string): number {
  return (/^\s*/.exec(line.replace(/\t/g, "    "))?.[0] ?? "").length;
}

/** A note line as the excerpt quotes it: without list markers and emphasis, particles attached ("ALB 를" → "ALB를"). */
function plain(line: string): string {
  return attachDetachedParticles(line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, "").replace(/\*\*|__|`/g, "").trim());
}

/** The matching line plus up to two indented child lines (the definition under a bullet). */
function excerptAt(lines: readonly string[], index: number): string {
  const head = lines[index] ?? "";
  const parts = [plain(head)];
  for (let next = index + 1; next < lines.length && parts.length < 3; next++) {
    const line = lines[next] ?? "";
    if (line.trim() === "") break;
    if (indentOf(line) <= indentOf(head)) break;
    parts.push(plain(line));
  }
  return parts.filter(Boolean).join(" / ");
}

/** The first note passage (stable order: file, then line) that defines each concept. */
export function findConceptEvidence(sections: readonly NoteSection[]): Map<string, ConceptEvidence> {
  const ordered = [...sections].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const found = new Map<string, ConceptEvidence>();
  for (const concept of CONCEPTS) {
    if (!concept.evidence) continue;
    for (const section of ordered) {
      if (!section.heading) continue;
      const lines = section.text.split("\n");
      const index = lines.findIndex((line) => concept.evidence?.test(line));
      if (index < 0) continue;
      found.set(concept.key, {
        concept,
        source: { file: section.file, heading: section.heading, line: section.line + 1 + index },
        excerpt: excerptAt(lines, index),
      });
      break;
    }
  }
  return found;
}

export function conceptByKey(key: string): Concept {
  const concept = CONCEPTS.find((item) => item.key === key);
  if (!concept) throw new Error(`개념 ${key}가 없습니다`);
  return concept;
}

function conceptFacts(concepts: readonly Concept[], facts: readonly FactInput[], reference: ReferenceIndex) {
  return concepts.flatMap((concept) => (concept.facts ?? []).map((item) => resolveFact(facts, reference, item.service, item.attribute)));
}

export function generateConceptQuestions(sections: readonly NoteSection[], facts: readonly FactInput[], reference: ReferenceIndex, seed: number): GeneratedQuestion[] {
  const evidence = findConceptEvidence(sections);
  const questions: GeneratedQuestion[] = [];
  for (const template of REQUIREMENT_TEMPLATES) {
    const answer = CONCEPTS.find((concept) => concept.family === template.family && concept.capability === template.needs);
    const proof = answer ? evidence.get(answer.key) : undefined;
    if (!answer || !proof) continue; // only requirements whose answer the notes define
    const distractors = template.distractors.map(conceptByKey);
    const offered = [answer, ...distractors];
    const choices: ChoiceDraft[] = offered.map((concept) =>
      concept === answer
        ? { role: concept.key, text: concept.name, correct: true, why: `${concept.summary} 요구 사항에 정확히 맞습니다.` }
        : { role: concept.key, text: concept.name, correct: false, why: `${concept.summary}${concept.wrongNote ? ` ${concept.wrongNote}` : ""}이 요구 사항에는 맞지 않습니다.` },
    );
    const sources = [proof.source];
    const references = [...new Set(offered.flatMap((concept) => concept.references ?? []))];
    questions.push(
      finishQuestion(
        {
          id: generatedId(template.family, "requirement", template.key),
          generator: template.family,
          template: template.key,
          params: { needs: template.needs, answer: answer.key },
          type: "single",
          domain: template.domain,
          topics: [...answer.topics, ...distractors.flatMap((concept) => concept.topics.slice(0, 1))],
          difficulty: template.difficulty,
          stem: template.stem,
          choices,
          general: `노트(${proof.source.file} · ${proof.source.heading}): "${proof.excerpt}"`,
          sources,
          references,
          factIds: factIdsOf(conceptFacts(offered, facts, reference)),
        },
        seed,
      ),
    );
  }
  return questions;
}

/** Flashcards for every concept the notes define: "X 은/는 언제 씁니까?" → summary. */
export function generateConceptCards(sections: readonly NoteSection[], facts: readonly FactInput[], reference: ReferenceIndex, seed: number): GeneratedQuestion[] {
  const evidence = findConceptEvidence(sections);
  const questions: GeneratedQuestion[] = [];
  for (const concept of CONCEPTS) {
    const proof = evidence.get(concept.key);
    if (!proof) continue;
    questions.push(
      finishQuestion(
        {
          id: generatedId("definition-card", concept.family, concept.key),
          generator: "definition-card",
          template: concept.family,
          params: { concept: concept.key },
          type: "flashcard",
          domain: concept.family === "route53-policy" || concept.family === "elb-type" ? "resilient" : "performant",
          topics: concept.topics,
          difficulty: 1,
          stem: `${concept.name}${topicParticle(concept.name)} 무엇이며 언제 씁니까?`,
          answer: concept.summary,
          general: `노트: "${proof.excerpt}"`,
          sources: [proof.source],
          references: concept.references ?? [],
          factIds: factIdsOf(conceptFacts([concept], facts, reference)),
        },
        seed,
      ),
    );
  }
  return questions;
}
