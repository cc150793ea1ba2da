import HocTapCLI

await HocTapCommand.start()
