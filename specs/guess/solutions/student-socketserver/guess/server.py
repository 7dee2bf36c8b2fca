import random
import socketserver


class Game(socketserver.StreamRequestHandler):
    def handle(self):
        number = random.randint(1, 100)
        for raw in self.rfile:
            text = raw.decode("utf-8", "replace").strip()
            if not text.lstrip("+-").isdigit():
                self.wfile.write(b"ERROR please send a whole number\n")
                continue
            guess = int(text)
            if not 1 <= guess <= 100:
                self.wfile.write(b"ERROR out of range\n")
            elif guess < number:
                self.wfile.write(b"HIGHER\n")
            elif guess > number:
                self.wfile.write(b"LOWER\n")
            else:
                self.wfile.write(b"CORRECT\n")
                break


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def handle_error(self, request, client_address):
        print("lost", client_address)


with Server(("", 5002), Game) as server:
    server.serve_forever()
