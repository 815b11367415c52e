import { LostPage } from "@/components/ui/lost-page";

export default function NotFound() {
  return (
    <LostPage title="찾는 페이지가 없습니다">
      주소가 바뀌었거나, 노트에서 사라진 주제일 수 있습니다. 노트를 다시 불러왔다면 주제 목록이나 검색에서 찾아보세요.
    </LostPage>
  );
}
