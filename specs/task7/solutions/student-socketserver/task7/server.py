import os
import socketserver

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 57))


class FileHandler(socketserver.StreamRequestHandler):
    def handle(self):
        line = self.rfile.readline()
        filename = line.decode().strip()
        if not filename:
            return
        print("request:", filename)
        try:
            with open(filename) as f:
                text = f.read()
        except OSError:
            self.wfile.write(b"ERROR file not found\n")
            return
        self.wfile.write(text.encode())


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


with Server((HOST, PORT), FileHandler) as server:
    print("serving on port", PORT)
    server.serve_forever()
