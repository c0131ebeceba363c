import { webAppViteConfig } from '../../libs/web-ui/web-app.vite.mts';

// The board's console (審査会コンソール), built into dist/board-web and served by the ethics board at `/`.
export default webAppViteConfig('board-web');
