import path from 'node:path';
import type { Compiler } from 'webpack';

/**
 * The h5 page in the address downloads only once the app's own chunks have arrived and
 * run (Taro's router imports it then): on a slow phone network, a round trip and more
 * spent waiting before the first screen. This plugin writes into index.html, before the
 * app's scripts, a small script that reads the hash route and asks the browser to preload
 * that page's chunks (its own, the shared `common` one, their CSS) at once, beside the
 * framework. The route → files map comes from webpack's own chunk groups, so it follows
 * every build's content hashes. (No maintained plugin does this per route: the preload
 * plugins add fixed tags for every visit, and a tag per page would download them all.)
 */
const NAME = 'PreloadFirstPage';

export class PreloadFirstPage {
  constructor(private readonly options: { publicPath: string; sourceRoot: string; firstPage: string }) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      // The html-webpack-plugin Taro builds index.html with (the one installed for its runner).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const HtmlWebpackPlugin = require(require.resolve('html-webpack-plugin', { paths: [require.resolve('@tarojs/webpack5-runner')] }));
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data: { headTags: unknown[] }) => {
        const routes: Record<string, string[]> = {};
        for (const group of compilation.chunkGroups) {
          if (group.isInitial()) continue;
          const page = this.pageOf(group.origins);
          if (!page) continue;
          const files = [...group.chunks]
            .filter((c) => !c.canBeInitial())
            .flatMap((c) => [...c.files])
            .filter((f) => /\.(js|css)$/.test(f));
          routes[page] = [...new Set([...(routes[page] ?? []), ...files])];
        }
        if (!routes[this.options.firstPage]) throw new Error(`${NAME}: no chunk found for ${this.options.firstPage}`);
        data.headTags.unshift({
          tagName: 'script',
          voidTag: false,
          meta: { plugin: NAME },
          attributes: {},
          innerHTML: preloadScript(this.options.publicPath, this.options.firstPage, routes),
        });
        return data;
      });
    });
  }

  /** A page's route: Taro's entry (made from app.config.ts) imports each page as "./pages/home/index". */
  private pageOf(origins: { request: string; module: unknown }[]): string | null {
    const entry = path.join(this.options.sourceRoot, 'app.config.ts');
    const byEntry = origins.find((o) => (o.module as { resource?: string } | null)?.resource === entry && o.request?.startsWith('./'));
    return byEntry ? byEntry.request.slice(2).split('?')[0]! : null;
  }
}

function preloadScript(publicPath: string, firstPage: string, routes: Record<string, string[]>): string {
  return `(function (d, routes) {
  var route = location.hash.replace(/^#\\/?/, '').split('?')[0] || ${JSON.stringify(firstPage)};
  (routes[route] || []).forEach(function (file) {
    var link = d.createElement('link');
    link.rel = 'preload';
    link.as = /\\.css$/.test(file) ? 'style' : 'script';
    link.href = ${JSON.stringify(publicPath)} + file;
    d.head.appendChild(link);
  });
})(document, ${JSON.stringify(routes)});`;
}
