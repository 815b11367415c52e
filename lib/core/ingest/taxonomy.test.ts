import { describe, expect, it } from "vitest";
import taxonomyJson from "@/content/taxonomy/aws-services.json";
import { createTaxonomy } from "./taxonomy";

const taxonomy = createTaxonomy(taxonomyJson);

describe("taxonomy matching", () => {
  it("maps Korean and English aliases to services", () => {
    expect(taxonomy.serviceOfHeading("람다 제약사항", false)).toBe("lambda");
    expect(taxonomy.serviceOfHeading("다이나모DB 테이블", false)).toBe("dynamodb");
    expect(taxonomy.serviceOfHeading("DDB TTL", false)).toBe("dynamodb");
    expect(taxonomy.serviceOfHeading("오토스케일링 정책", false)).toBe("auto-scaling");
    expect(taxonomy.serviceOfHeading("CloudFront Functions vs Lambda@Edge", false)).toBe("cloudfront-functions");
    expect(taxonomy.serviceOfHeading("DynamoDB Accelerator (DAX)", false)).toBe("dax");
  });

  it("requires Latin aliases to stand alone, but allows plurals and Korean particles", () => {
    expect(taxonomy.findServices("message queue").map((hit) => hit.key)).not.toContain("security-group");
    expect(taxonomy.findServices("/24 subnets").map((hit) => hit.key)).toContain("subnet");
    expect(taxonomy.findServices("ECS에서 실행").map((hit) => hit.key)).toEqual(["ecs"]);
    expect(taxonomy.findServices("Amazon").map((hit) => hit.key)).toEqual([]);
  });

  it("uses weak aliases in headings only when asked", () => {
    expect(taxonomy.serviceOfHeading("리전", false)).toBeNull();
    expect(taxonomy.serviceOfHeading("리전", true)).toBe("regions-azs");
  });

  it("covers every service the notes mention", () => {
    for (const key of ["lambda", "ecs", "eks", "fargate", "ecr", "app-runner", "docker", "route53", "acm", "elb", "alb", "nlb", "gwlb", "clb", "api-gateway", "cloudfront", "lambda-edge", "cloudfront-functions", "dynamodb", "dax", "vpc", "subnet", "igw", "nat", "nacl", "security-group", "vpc-endpoint", "ec2", "ebs", "efs", "fsx", "auto-scaling", "rds", "rds-proxy", "aurora", "elasticache", "s3", "glacier", "sqs", "sns", "kinesis", "eventbridge", "step-functions", "cloudwatch", "cloudtrail", "kms", "iam", "secrets-manager", "ssm", "cloudformation", "codepipeline", "codecommit", "codebuild", "codedeploy", "wavelength", "regions-azs", "well-architected"]) {
      expect(taxonomy.services.has(key), key).toBe(true);
    }
  });

  // The SAA-C03 exam guide's in-scope services (appendix), grouped as the guide groups them.
  const EXAM_GUIDE: Record<string, string[]> = {
    analytics: ["athena", "data-exchange", "firehose", "emr", "glue", "kinesis", "lake-formation", "msk", "opensearch", "quicksight", "redshift"],
    integration: ["appflow", "appsync", "eventbridge", "mq", "sns", "sqs", "step-functions"],
    cost: ["budgets", "cost-usage-report", "cost-explorer", "savings-plans"],
    compute: ["batch", "ec2", "auto-scaling", "elastic-beanstalk", "outposts", "serverless-application-repository", "vmware-cloud"],
    containers: ["ecs-anywhere", "eks-anywhere", "eks-distro", "ecr", "ecs", "eks"],
    database: ["aurora", "aurora-serverless", "documentdb", "dynamodb", "elasticache", "keyspaces", "neptune", "qldb", "rds"],
    devtools: ["xray"],
    frontend: ["amplify", "api-gateway", "device-farm", "pinpoint"],
    ml: ["comprehend", "forecast", "fraud-detector", "kendra", "lex", "polly", "rekognition", "sagemaker", "textract", "transcribe", "translate"],
    management: ["cloudformation", "cloudtrail", "cloudwatch", "cli", "compute-optimizer", "config", "control-tower", "health-dashboard", "license-manager", "managed-grafana", "managed-prometheus", "management-console", "organizations", "service-catalog", "ssm", "trusted-advisor"],
    media: ["elastic-transcoder", "kinesis-video-streams"],
    migration: ["application-discovery", "application-migration", "datasync", "dms", "snow-family", "transfer-family"],
    networking: ["client-vpn", "cloudfront", "direct-connect", "elb", "global-accelerator", "vpc-endpoint", "route53", "site-to-site-vpn", "transit-gateway", "vpc"],
    security: ["artifact", "audit-manager", "acm", "cloudhsm", "cognito", "detective", "directory-service", "firewall-manager", "guardduty", "iam", "iam-identity-center", "inspector", "kms", "macie", "network-firewall", "ram", "secrets-manager", "security-hub", "shield", "waf"],
    serverless: ["fargate", "lambda"],
    storage: ["backup", "ebs", "efs", "elastic-disaster-recovery", "fsx", "s3", "glacier", "storage-gateway"],
  };

  it("covers every in-scope service of the SAA-C03 exam guide, in the guide's category", () => {
    for (const [category, keys] of Object.entries(EXAM_GUIDE)) {
      for (const key of keys) expect(taxonomy.services.get(key)?.category, key).toBe(category);
    }
    expect(taxonomy.services.get("rds-proxy")?.parent).toBe("rds");
    expect(taxonomy.services.size).toBeGreaterThanOrEqual(140);
  });

  it("knows the Korean names learners write", () => {
    const korean: Record<string, string> = {
      가드듀티: "guardduty", 코그니토: "cognito", "전송 게이트웨이": "transit-gateway", "트랜짓 게이트웨이": "transit-gateway", "다이렉트 커넥트": "direct-connect",
      "글로벌 액셀러레이터": "global-accelerator", "스토리지 게이트웨이": "storage-gateway", 레드시프트: "redshift", 아테나: "athena", 글루: "glue", 넵튠: "neptune",
      퀵사이트: "quicksight", 세이지메이커: "sagemaker", "웹 방화벽": "waf", 실드: "shield", 스노우볼: "snow-family", "서비스 제어 정책": "organizations",
    };
    for (const [alias, key] of Object.entries(korean)) expect(taxonomy.serviceOfHeading(`${alias} 정리`, false), alias).toBe(key);
  });

  it("names the services the issue saw misfiled, and no service in ordinary words", () => {
    expect(taxonomy.serviceOfHeading("QuickSight", false)).toBe("quicksight");
    expect(taxonomy.serviceOfHeading("Neptune", false)).toBe("neptune");
    expect(taxonomy.serviceOfHeading("Batch", false)).toBe("batch");
    expect(taxonomy.serviceOfHeading("Kinesis Data Firehose", false)).toBe("firehose");
    expect(taxonomy.serviceOfHeading("Client VPN", false)).toBe("client-vpn");
    expect(taxonomy.serviceOfHeading("Site-to-Site VPN", false)).toBe("site-to-site-vpn");
    expect(taxonomy.findServices("RAM 128MB, CLI 로 배포, 빌드 artifact, config 파일, forecast 값").map((hit) => hit.key)).toEqual([]);
  });
});
