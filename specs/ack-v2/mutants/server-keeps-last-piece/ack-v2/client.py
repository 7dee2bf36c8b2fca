import os
import socket

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 65432))


def main():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.connect((HOST, PORT))
        print("Connected. Type messages; quit, exit or bye to leave.")
        reader = s.makefile("r", encoding="utf-8")
        try:
            while True:
                message = input("> ")
                command = message.strip().lower()
                if command in ("quit", "exit"):
                    break
                s.sendall((message + "\n").encode("utf-8"))
                reply = reader.readline()
                if not reply:
                    print("Server closed the connection.")
                    break
                print(reply.strip())
                if command == "bye":
                    break
        except EOFError:
            print("\nEnd of input.")
        except KeyboardInterrupt:
            print("\nInterrupted.")
        except ConnectionError as e:
            print(f"Connection error: {e}")
    print("Goodbye.")


if __name__ == "__main__":
    main()
