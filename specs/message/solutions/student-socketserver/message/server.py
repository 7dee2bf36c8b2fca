import socketserver


class MessageHandler(socketserver.StreamRequestHandler):
    def handle(self):
        print("Connection established with", self.client_address)
        try:
            for raw in self.rfile:
                message = raw.decode().rstrip("\r\n")
                print("Received message:", message)
                self.wfile.write(b"Message received\n")
                if message.strip().lower() == "exit":
                    break
        except ConnectionResetError:
            pass
        print("Client", self.client_address, "has disconnected.")


socketserver.TCPServer.allow_reuse_address = True
with socketserver.TCPServer(("127.0.0.1", 5000), MessageHandler) as server:
    server.serve_forever()
