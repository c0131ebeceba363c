import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPublic } from '@infobank/platform';
import { currentCatalog } from '../domain/catalog';
import { CatalogDto } from './catalog.dto';

/** `GET /v1/catalog`: public, the same on every HTTP app. */
@ApiTags('catalog')
@Controller('v1/catalog')
@ApiPublic()
export class CatalogController {
  @Get()
  @ApiOperation({ summary: 'Data categories (with JSON Schemas and items) and the purpose vocabulary' })
  @ApiOkResponse({ type: CatalogDto })
  // The catalog only changes with a release; five minutes of caching costs nothing.
  @Header('Cache-Control', 'public, max-age=300')
  catalog(): CatalogDto {
    return currentCatalog() as unknown as CatalogDto;
  }
}
