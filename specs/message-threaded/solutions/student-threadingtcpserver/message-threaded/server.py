import os
import socketserver

PORT = int(os.environ.get("PORT", 5000))


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        print("Connection established with", self.client_address)
        try:
            while True:
                raw = self.rfile.readline()
                if not raw:
                    break
                message = raw.decode().strip()
                print(f"Received message from client {self.client_address}: {message}")
                self.wfile.write(b"Message received\n")
                if message.lower() == "exit":
                    break
        except ConnectionError:
            print("Client", self.client_address, "vanished")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


with Server(("0.0.0.0", PORT), Handler) as server:
    server.serve_forever()
