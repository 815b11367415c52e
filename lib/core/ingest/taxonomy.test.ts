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
});
