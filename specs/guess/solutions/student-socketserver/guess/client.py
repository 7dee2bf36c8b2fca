import socket

sock = socket.create_connection(("localhost", 5002))
replies = sock.makefile("r")
try:
    while True:
        guess = input("guess> ")
        sock.sendall(f"{guess}\n".encode())
        answer = replies.readline().strip()
        if not answer:
            break
        print("server:", answer)
        if answer.upper() == "CORRECT":
            break
except EOFError:
    pass
sock.close()
