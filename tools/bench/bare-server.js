// The baseline for warm verification: a bare node:http server answering 204, in its own process
// (as Keyward is), on the port given as the first argument.
require('node:http')
  .createServer((request, response) => {
    response.statusCode = 204;
    response.end();
  })
  .listen(Number(process.argv[2]), '127.0.0.1', () => process.send?.('listening'));
