import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <EmptyState
      title="찾는 페이지가 없습니다"
      icon="compass"
      actions={
        <>
          <ButtonLink href="/topics">주제 목록</ButtonLink>
          <ButtonLink href="/search" variant="secondary">
            검색
          </ButtonLink>
          <ButtonLink href="/" variant="secondary">
            처음으로
          </ButtonLink>
        </>
      }
    >
      주소가 바뀌었거나, 노트에서 사라진 주제일 수 있습니다. 노트를 다시 불러왔다면 주제 목록이나 검색에서 찾아보세요.
    </EmptyState>
  );
}
