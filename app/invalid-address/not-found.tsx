import { LostPage } from "@/components/ui/lost-page";

// Shown for paths whose %-encoding is broken (`/topics/%ff`): see proxy.ts.
export default function InvalidAddress() {
  return (
    <LostPage title="주소를 읽을 수 없습니다">
      주소에 잘못된 글자 인코딩(예: <code className="font-mono">%ff</code>)이 들어 있어 어떤 페이지인지 알 수 없습니다. 링크를 다시 복사했는지 확인하거나,
      주제 목록이나 검색에서 찾아보세요.
    </LostPage>
  );
}
