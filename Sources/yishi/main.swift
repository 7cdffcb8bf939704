import Foundation
import YishiApp

exit(await Yishi.main())
