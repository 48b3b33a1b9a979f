// Peer for the cold-start benchmark: the smallest Qt Widgets program that shows a main window
// and exits after its first painted frame. andon's start-up is reported as a ratio to this.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QTimer>

namespace {
class FirstFrameWindow : public QMainWindow
{
protected:
    void paintEvent(QPaintEvent *event) override
    {
        QMainWindow::paintEvent(event);
        // Quit once the first frame is painted, from the event loop so the paint completes.
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    }
};
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    FirstFrameWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("first frame"), &window));
    window.resize(1366, 768);
    window.show();
    return QApplication::exec();
}
