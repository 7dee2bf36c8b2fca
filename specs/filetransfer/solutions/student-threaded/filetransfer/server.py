import os
import socketserver

PORT = int(os.environ.get("PORT", 5004))


class FileHandler(socketserver.StreamRequestHandler):
    def handle(self):
        line = self.rfile.readline(10000)
        name = line.decode("utf-8", "replace").strip()
        print("request:", repr(name))
        if not name or os.path.basename(name) != name or name in (".", ".."):
            self.wfile.write(b"ERROR not allowed\n")
            return
        try:
            f = open(name, "rb")
        except OSError:
            self.wfile.write(b"ERROR file not found\n")
            return
        with f:
            self.wfile.write(b"OK\n")
            while True:
                block = f.read(32768)
                if not block:
                    break
                self.wfile.write(block)


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


with Server(("127.0.0.1", PORT), FileHandler) as srv:
    srv.serve_forever()
