export default function HomePage() {
  return <h1 className="text-2xl font-bold">구름</h1>;
}
