import { webAppViteConfig } from '../../libs/web-ui/web-app.vite.mts';

// The individual's web app, built into dist/portal-web and served by the portal at `/`.
export default webAppViteConfig('portal-web');
