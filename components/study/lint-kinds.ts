import type { BadgeTone } from "@/components/ui/badge";
import type { IconName } from "@/components/ui/icons";

export type LintKind = "reference" | "conflict" | "input";

export const LINT_KIND_LABELS: Record<LintKind, { title: string; description: string; tone: BadgeTone; icon: IconName }> = {
  reference: { title: "AWS 문서와 다름", description: "노트의 값이 AWS 공식 문서(참조 표)와 다릅니다. 시험은 AWS 문서를 따릅니다.", tone: "rose", icon: "warning" },
  conflict: { title: "노트끼리 다름", description: "같은 사실을 노트마다 다르게 적었습니다. 어느 쪽이 맞는지 확인하세요.", tone: "amber", icon: "swap" },
  input: { title: "입력 문제", description: "읽지 못했거나 형식이 어긋난 노트 입력, 그리고 주제로 만들지 않은 문제 모음 노트입니다(문제 은행으로 가져올 수 있습니다).", tone: "slate", icon: "file" },
};
