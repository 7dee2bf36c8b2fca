import socketserver


class EchoHandler(socketserver.StreamRequestHandler):
    def handle(self):
        print("Client connected:", self.client_address)
        while True:
            try:
                raw = self.rfile.readline()
            except ConnectionResetError:
                print("Client crashed")
                break
            if not raw:
                print("Client left")
                break
            msg = raw.decode().strip()
            print("Received:", msg)
            self.wfile.write(("Server received: " + msg + "\n").encode())
            if msg.lower() == "bye":
                break


class ReusableServer(socketserver.TCPServer):
    allow_reuse_address = True


if __name__ == "__main__":
    with ReusableServer(("localhost", 65432), EchoHandler) as server:
        print("Listening on port 65432")
        server.serve_forever()
