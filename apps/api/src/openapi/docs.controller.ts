import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../common/auth.decorators';
import { openApiDocument } from './document';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>JV Tracker API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/docs.json', dom_id: '#swagger-ui', withCredentials: true });`;

@Controller()
@Public()
export class DocsController {
  @Get('docs.json')
  json() {
    return openApiDocument();
  }

  @Get('docs')
  @Header('Content-Type', 'text/html; charset=utf-8')
  page() {
    return PAGE;
  }

  @Get('docs/init.js')
  init(@Res() res: Response) {
    res.type('application/javascript').send(INIT);
  }
}
