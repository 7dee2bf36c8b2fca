import os
import socket
import sys
import tempfile


def download(name):
    with socket.create_connection(("127.0.0.1", int(os.environ.get("PORT", 5004)))) as sock:
        sock.sendall((name + "\n").encode())
        f = sock.makefile("rb")
        status = f.readline().decode().strip()
        if status.upper() != "OK":
            return status
        # write into a temporary file first, rename it when the whole file is there
        fd, tmp = tempfile.mkstemp(dir=".")
        try:
            with os.fdopen(fd, "wb") as out:
                while True:
                    block = f.read(65536)
                    if not block:
                        break
                    out.write(block)
            os.replace(tmp, name)
        except BaseException:
            os.remove(tmp)
            raise
        return None


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else input().strip()
    try:
        error = download(name)
    except ConnectionRefusedError:
        print("error: no server is running on port", os.environ.get("PORT", 5004))
        sys.exit(2)
    except OSError as e:
        print("error: the download of", name, "failed:", e)
        sys.exit(3)
    if error:
        print(error)
        sys.exit(1)
    print("downloaded", name)


main()
