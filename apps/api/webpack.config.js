// Bundles the API and every server library it imports into dist/apps/api/main.js, and the audit
// log's worker threads' entry into audit-log-worker.js beside it. ts-loader (transpile only; `tsc --noEmit`
// checks types first) keeps Nest's decorator metadata, which esbuild would drop; packages from
// node_modules stay external and are required at run time.
const path = require('node:path');
const nodeExternals = require('webpack-node-externals');
const { TsconfigPathsPlugin } = require('tsconfig-paths-webpack-plugin');

const root = path.resolve(__dirname, '../..');

module.exports = {
  mode: 'production',
  target: 'node20',
  // audit-log-worker.js: the audit log's writer and export threads (libs/compliance/audit-log), found beside main.js.
  entry: {
    main: path.join(__dirname, 'src/main.ts'),
    'audit-log-worker': path.join(root, 'libs/compliance/audit-log/src/audit-log-worker.main.ts'),
  },
  output: { path: path.join(root, 'dist/apps/api'), filename: '[name].js', clean: true },
  devtool: 'source-map',
  externalsPresets: { node: true },
  externals: [nodeExternals({ modulesDir: path.join(root, 'node_modules') })],
  optimization: { minimize: false },
  resolve: {
    extensions: ['.ts', '.js'],
    plugins: [new TsconfigPathsPlugin({ configFile: path.join(__dirname, 'tsconfig.app.json') })],
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'ts-loader',
        exclude: /node_modules/,
        options: { transpileOnly: true, configFile: path.join(__dirname, 'tsconfig.app.json') },
      },
    ],
  },
  // Nest and Apollo require optional packages lazily; they are not installed and not needed.
  ignoreWarnings: [/Critical dependency/, /Module not found: Error: Can't resolve '(@nestjs\/(microservices|websockets)|class-transformer\/storage|@apollo\/subgraph|@as-integrations\/fastify|@fastify\/static|ts-morph)/],
};
