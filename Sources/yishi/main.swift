import YishiApp
import Foundation

exit(await Yishi.main())
