// Next 16's proxy (formerly middleware): runs before routing. One job: a path whose
// percent-encoding cannot be decoded (`/topics/%ff`, `/notes/%c0%ae…`: a lone byte or an
// overlong UTF-8 sequence) makes Next's router throw while matching a dynamic segment and
// answer a plain-text English 500 (it looks for a Pages Router `/400` page this app does not
// have). Such a path names nothing, so it is rewritten to the app's own Korean "주소를 읽을 수
// 없습니다" page (app/invalid-address, a 404); the address bar keeps what the learner typed.
import { NextResponse, type NextRequest } from "next/server";

const INVALID_ADDRESS_PATH = "/invalid-address";

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  if (decodes(request.nextUrl.pathname)) return NextResponse.next();
  const target = request.nextUrl.clone();
  target.pathname = INVALID_ADDRESS_PATH;
  target.search = "";
  return NextResponse.rewrite(target);
}

export const config = {
  // Build output and the icon never carry learner paths; everything else is checked (the check
  // is one decodeURIComponent).
  matcher: ["/((?!_next/static|_next/image|icon\\.svg|favicon\\.ico).*)"],
};
