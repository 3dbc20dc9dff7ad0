import { BoardRoute } from '../board/BoardRoute';
import { StartPage } from '../start/StartPage';
import { matchRoute, usePathname } from './router';

export function App() {
  const route = matchRoute(usePathname());
  if (!route) {
    return (
      <main className="page page-narrow" id="main">
        <h1>Page not found</h1>
        <p>
          <a href="/">Go to your boards</a>
        </p>
      </main>
    );
  }
  return route.page === 'start' ? <StartPage /> : <BoardRoute boardId={route.boardId} />;
}
