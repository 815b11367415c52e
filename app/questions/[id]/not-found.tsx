import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";

export default function QuestionNotFound() {
  return (
    <EmptyState title="문제를 찾을 수 없습니다." icon="search" actions={<ButtonLink href="/questions">문제 목록으로</ButtonLink>}>
      주소가 틀렸거나, 가져온 은행과 함께 삭제된 문제일 수 있습니다.
    </EmptyState>
  );
}
